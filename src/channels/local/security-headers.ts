// Response headers for the local channel's page and its API: the browser runs only this server's
// script files (no inline script, so markup smuggled into data could not run even if it got into
// the page), refuses string-to-HTML sinks (Trusted Types), and no other site may frame the page.
import type { NextFunction, Request, Response } from 'express';

// The adaptivecards renderer creates these Trusted Types policies when it loads (it passes only its
// own output through them; card texts are plain text, see page.js); any other policy is refused.
const RENDERER_POLICIES = [
  'adaptivecards#markdownPassthroughPolicy',
  'adaptivecards#restoreContentsPolicy',
  'adaptivecards#deprecatedExportedFunctionPolicy',
  'html',
];

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  `trusted-types ${RENDERER_POLICIES.join(' ')} 'allow-duplicates'`,
].join('; ');

export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.set({
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    // For browsers without frame-ancestors.
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  });
  next();
}
