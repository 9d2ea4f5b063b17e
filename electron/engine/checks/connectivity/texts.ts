import { msg, type Message } from '../../../../shared/i18n/message';

/** The host names of `hosts`, for a `{{hosts, list}}` parameter (Intl's list in each language). */
export function hostNames(hosts: readonly { readonly host: string }[]): string[] {
  return hosts.map((h) => h.host);
}
