// Texts of the regional desk: questions without an account, routing, answers and the FAQ.
export const deskQuestionsNl = {};

export const deskQuestionsEn: Record<keyof typeof deskQuestionsNl, string> = {};
