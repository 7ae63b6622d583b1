/**
 * Set (performance.mark) when the login form can be typed into and sent: `npm run bench`
 * times the login page by it. A module of its own so the benchmark can import the name.
 */
export const LOGIN_INTERACTIVE_MARK = 'sira:login-interactive';
