/**
 * The path and query of a page request, as the proxy saw it, for the page's own redirect to sign-in
 * (layouts are not given the query). The proxy always overwrites what a client sent under this name.
 */
export const REQUEST_PATH_HEADER = 'x-fleet-request-path';
