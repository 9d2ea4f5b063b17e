import type { Reply } from '../http-host';

/**
 * Cloudflare's error 1015 page: the temporary ban of its rate limiting, served by the edge before Trakt's origin
 * (no `x-runtime`). Shape from the pages users captured: answered 429 with this HTML for api.trakt.tv
 * (dylandoamaral/trakt-integration#161, #172, April 2026: title "Access denied | api.trakt.tv used Cloudflare to
 * restrict access", "Error 1015", "You are being rate limited", "The owner of this website (api.trakt.tv) has banned
 * you temporarily from accessing this website."), with `Retry-After` set and no `X-Ratelimit` (trakt/trakt-api#922).
 */
export function cloudflareBanReply(host: string, ray = '9ef469ee4fdf9d70', retryAfter = '600'): Reply {
  const rayId = ray.split('-')[0]!;
  return {
    status: 429,
    headers: {
      server: 'cloudflare',
      'cf-ray': ray,
      'content-type': 'text/html; charset=UTF-8',
      'retry-after': retryAfter,
      'cache-control': 'private, max-age=0, no-store, no-cache, must-revalidate, post-check=0, pre-check=0',
      'referrer-policy': 'same-origin',
      'x-frame-options': 'SAMEORIGIN',
    },
    body: `<!doctype html>
<html class="no-js" lang="en-US">
<head>
<title>Access denied | ${host} used Cloudflare to restrict access</title>
<meta charset="UTF-8" />
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<meta http-equiv="X-UA-Compatible" content="IE=Edge" />
<meta name="robots" content="noindex, nofollow" />
<meta name="viewport" content="width=device-width,initial-scale=1" />
<link rel="stylesheet" id="cf_styles-css" href="/cdn-cgi/styles/main.css" />
</head>
<body>
<div id="cf-wrapper">
  <div class="cf-alert cf-alert-error cf-cookie-error hidden" id="cookie-alert" data-translate="enable_cookies">Please enable cookies.</div>
  <div id="cf-error-details" class="p-0">
    <header class="mx-auto pt-10 lg:pt-6 lg:px-8 w-240 lg:w-full mb-15 antialiased">
      <h1 class="inline-block md:block mr-2 md:mb-2 font-light text-60 md:text-3xl text-black-dark leading-tight">
        <span data-translate="error">Error</span>
        <span>1015</span>
      </h1>
      <span class="inline-block md:block heading-ray-id font-mono text-15 lg:text-sm lg:leading-relaxed">Ray ID: ${rayId} &bull;</span>
      <span class="inline-block md:block heading-ray-id font-mono text-15 lg:text-sm lg:leading-relaxed">2026-09-03 13:14:44 UTC</span>
      <h2 class="text-gray-600 leading-1.3 text-3xl lg:text-2xl font-light">You are being rate limited</h2>
    </header>
    <section class="w-240 lg:w-full mx-auto mb-8 lg:px-8">
      <div id="what-happened-section" class="w-1/2 md:w-full">
        <h2 class="text-3xl leading-tight font-normal mb-4 text-black-dark antialiased" data-translate="what_happened">What happened?</h2>
        <p>The owner of this website (${host}) has banned you temporarily from accessing this website.</p>
        <p>Please see <a rel="noopener noreferrer" href="https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-1xxx-errors/error-1015/" target="_blank">https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-1xxx-errors/error-1015/</a> for more details.</p>
      </div>
    </section>
    <div class="cf-error-footer cf-wrapper w-240 lg:w-full py-10 sm:py-4 sm:px-8 mx-auto text-center sm:text-left border-solid border-0 border-t border-gray-300">
      <p class="text-13">
        <span class="cf-footer-item sm:block sm:mb-1">Cloudflare Ray ID: <strong class="font-semibold">${rayId}</strong></span>
        <span class="cf-footer-separator sm:hidden">&bull;</span>
        <span id="cf-footer-item-ip" class="cf-footer-item hidden sm:block sm:mb-1">Your IP: <button type="button" id="cf-footer-ip-reveal" class="cf-footer-ip-reveal-btn">Click to reveal</button></span>
        <span class="cf-footer-separator sm:hidden">&bull;</span>
        <span class="cf-footer-item sm:block sm:mb-1"><span>Performance &amp; security by</span> <a rel="noopener noreferrer" href="https://www.cloudflare.com/5xx-error-landing" id="brand_link" target="_blank">Cloudflare</a></span>
      </p>
    </div>
  </div>
</div>
</body>
</html>
`,
  };
}
