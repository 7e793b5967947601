// Texts of the regional desk: open employers (pledge, verification, badge) and their vacancies.
export const deskEmployersNl = {};

export const deskEmployersEn: Record<keyof typeof deskEmployersNl, string> = {};
