// Texts of the regional desk: the desk's home, its search, the coordinator's queue and reports.
export const deskModerationNl = {};

export const deskModerationEn: Record<keyof typeof deskModerationNl, string> = {};
