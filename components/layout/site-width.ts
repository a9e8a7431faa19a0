// One width for the header, the page and the footer, so their edges line up on
// a wide screen (the header was max-w-7xl over a max-w-5xl page). Wide enough
// for the signed-in header in one row at 1366 px (the name truncates first).
export const SITE_WIDTH = "mx-auto max-w-6xl px-4";
