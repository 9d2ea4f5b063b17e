import type { AnyCheck } from '../../runtime/check';
import { authRedirectCheck } from './auth-redirect';
import { oauthDifferentialCheck } from './oauth-differential';
import { pastedUrlCheck } from './pasted-url';
import { pkceEvidenceCheck } from './pkce-evidence';
import { relinkCheck } from './relink';
import { stremioAccountCheck } from './stremio-account';
import { traktTokenCheck } from './trakt-token';

/** The token step's checks, in report order. */
export const TOKEN_CHECKS: readonly AnyCheck[] = [
  stremioAccountCheck,
  traktTokenCheck,
  authRedirectCheck,
  pastedUrlCheck,
  oauthDifferentialCheck,
  pkceEvidenceCheck,
  relinkCheck,
];
