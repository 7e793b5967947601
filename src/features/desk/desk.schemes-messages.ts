// Texts of the regional desk: scheme pages and the glossary.
export const deskSchemesNl = {};

export const deskSchemesEn: Record<keyof typeof deskSchemesNl, string> = {};
