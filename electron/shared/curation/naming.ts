import { z } from 'zod';

export const CUSTOMER_PSEUDONYMS = ['location', 'initial', 'anonymous'] as const;

export const CustomerPseudonymPolicy = z.enum(CUSTOMER_PSEUDONYMS);
export type CustomerPseudonymPolicy = z.infer<typeof CustomerPseudonymPolicy>;

export const STAFF_NAMINGS = ['name', 'role'] as const;

export const StaffNamingPolicy = z.enum(STAFF_NAMINGS);
export type StaffNamingPolicy = z.infer<typeof StaffNamingPolicy>;
