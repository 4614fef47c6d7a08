// Only the H5 page carries a static landing page to remove (landing-shell.h5.ts).
export function dropLandingShell(): void {}
