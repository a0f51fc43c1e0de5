import { z } from 'zod';

export const LANGUAGES = ['en', 'de', 'fr', 'nl', 'es', 'it'] as const;

export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'German', fr: 'French', nl: 'Dutch', es: 'Spanish', it: 'Italian' };
