// TypeScript types for putokaz.js. Everything runs in the browser; nothing
// here sends data anywhere.

/** A referral entry, as in src/data/referrals/README.md. */
export interface ReferralEntry {
  id: string;
  name: { original: string; en: string; [lang: string]: string };
  country: string;
  works_in?: string[];
  area_name?: string;
  contacts: Array<
    | { kind: 'voice' | 'sms' | 'whatsapp' | 'viber'; number: string; display?: string; note?: Record<string, string> }
    | { kind: 'email'; address: string }
    | { kind: 'web'; url: string }
  >;
  hours?: { always: true } | { tz: string; weekly: Array<{ days: string[]; open: string; close: string }> };
  languages?: string[];
  services: string[];
  audience: string[];
  emergency?: boolean;
  sources: string[];
  last_verified: string;
  source_date?: string;
  confidence: 'high' | 'medium' | 'low';
  notes?: string;
}

/** A partner config: inline JSON in the element, or the element's `config` property. */
export interface PartnerConfig {
  region?: string;
  modules?: string[];
  referrals?: { add?: ReferralEntry[]; replace?: ReferralEntry[]; hide?: string[] };
  text?: Record<string, Record<string, string>>;
}

export type Level = 'urgent' | 'serious' | 'some' | 'none_reported';
export type AnswerValue = string | string[];

export interface Option { id: string; text: string }
export interface Question {
  id: string;
  module: string;
  module_title: string;
  kind: 'yes_no' | 'single' | 'multi' | 'country';
  role: 'age' | 'subject' | 'country_now' | 'country_work' | null;
  text: string;
  text_other: string;
  options: Option[];
  exclusive: string[];
  show_if: unknown;
  module_show_if: unknown;
}

export interface Referral {
  id: string;
  name: string;
  why: string[];
  services: string[];
  contacts: Array<{ kind: string; label: string; href: string | null; note: string | null }>;
  hours: string;
  check_first: boolean;
  last_verified: string;
  languages: string[];
}

export interface Result {
  lang: string;
  level: Level;
  title: string;
  summary: string;
  indicators: Array<{ id: string; dimension: string | null; text: string; check?: string }>;
  positive_dimensions: string[];
  unknown: Array<{ id: string; text: string }>;
  not_assessed: string[];
  could_be_higher: boolean;
  job_offer: { score: number; max_score: number; validated: boolean; note: string } | null;
  next_steps: string[];
  emergency: Referral[];
  emergency_missing: string | null;
  referrals: Referral[];
  no_local: string | null;
  problems: string[];
}

/** Loads the module (once per page). */
export function load(): Promise<unknown>;
/** The questionnaire, like `putokaz questions`. */
export function getQuestions(lang?: string, mode?: 'screening' | 'job-offer'): Promise<{ lang: string; mode: string; version: string; questions: Question[] }>;
/** Assesses answers in this browser, like `putokaz assess`. */
export function assessAnswers(lang: string, input: { answers: Record<string, AnswerValue>; mode?: 'screening' | 'job-offer'; region?: string; now?: number | string }): Promise<Result>;
/** The problems of a partner config, one sentence each; empty when it is fine. */
export function validateConfig(config: PartnerConfig | string): Promise<string[]>;

declare global {
  interface HTMLElementTagNameMap {
    'putokaz-screening': HTMLElement & { config: PartnerConfig | null };
  }
}
