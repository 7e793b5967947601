// Texts of the regional desk: the social map (organisations, services, locations, contacts), HSDS import and export and the public API.
export const deskSocialMapNl = {};

export const deskSocialMapEn: Record<keyof typeof deskSocialMapNl, string> = {};
