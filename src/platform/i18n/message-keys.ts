/**
 * The message catalogue. It starts empty: each feature's *.messages.ts adds its keys by declaration
 * merging, and src/messages.ts installs the texts, so the platform knows the shape but names no feature.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface MessageCatalogue {}

export type MessageKey = keyof MessageCatalogue & string;

/** Every text of one language, complete: a missing key is a type error where the dictionary is composed. */
export type Dictionary = Readonly<Record<MessageKey, string>>;
