export const teamsNl = {} as const;

export const teamsEn: Record<keyof typeof teamsNl, string> = {};
