export const adminNl = {} as const;

export const adminEn: Record<keyof typeof adminNl, string> = {};
