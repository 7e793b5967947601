// Texts of the regional desk: peer-support groups and their meetings.
export const deskPeerSupportNl = {};

export const deskPeerSupportEn: Record<keyof typeof deskPeerSupportNl, string> = {};
