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
    | { kind: 'voice' | 'sms' | 'whatsapp' | 'viber'; number: string; display?: string; note?: Record<string, string> /* per language, or {catalog: 'ref.for.police'}: a catalog text (police, ambulance, fire, or two of them) */ }
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
  /** The entry (built-in or added) whose number every screen shows beside the exit. */
  hotline?: string;
  modules?: string[];
  referrals?: { add?: ReferralEntry[]; replace?: ReferralEntry[]; hide?: string[] };
  text?: Record<string, Record<string, string>>;
}

// The JSON the functions below return. tests/types.rs checks these types
// against the real output for every scenario, mode and language: a field
// missing, added or of another type fails it.

export type Level = 'urgent' | 'serious' | 'some' | 'none_reported';
export type AnswerValue = string | string[];
export type Dimension =
  | 'deceptive_recruitment'
  | 'coercive_recruitment'
  | 'vulnerability_recruitment'
  | 'exploitation'
  | 'coercion_destination'
  | 'vulnerability_destination';

/** When a question or module is shown, as in docs/CONTENT.md. */
export type Condition =
  | { yes: string }
  | { answer: { q: string; in: string[] } }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export interface Option { id: string; text: string }
export interface Question {
  exclusive: string[];
  id: string;
  kind: 'yes_no' | 'single' | 'multi' | 'country' | 'countries';
  module: string;
  module_show_if: Condition | null;
  module_title: string;
  options: Option[];
  role: 'age' | 'subject' | 'country_now' | 'country_work' | 'safe_now' | 'country_origin' | 'gender' | null;
  show_if: Condition | null;
  text: string;
  text_other: string;
}

/** A sign that fired; `check` (what to ask or check) only for job-offer flags. */
export interface Sign { id: string; dimension: Dimension | null; text: string; check?: string }
/** Signs grouped by dimension, for "what we noticed". */
export interface Group { dimension: Dimension | null; title: string; signs: Sign[]; /** Circumstances that can make things harder (vulnerability shown alone), not warning signs. */ context: boolean }

export type OpenState =
  | { state: 'always' }
  | { state: 'open'; closes_in: number }
  | { state: 'closed'; opens_at: number }
  | { state: 'unknown' };

export interface Referral {
  id: string;
  name: string;
  why: string[];
  services: string[];
  contacts: Array<{ kind: 'voice' | 'sms' | 'whatsapp' | 'viber' | 'email' | 'web'; label: string; href: string | null; note: string | null }>;
  hours: string;
  open: OpenState;
  check_first: boolean;
  last_verified: string;
  languages: string[];
  /** "Only for: women and girls": set only for a service with a restricted audience. */
  audience: string | null;
}

export interface Result {
  lang: string;
  level: Level;
  title: string;
  summary: string;
  indicators: Sign[];
  groups: Group[];
  positive_dimensions: string[];
  unknown: Array<{ id: string; text: string }>;
  not_assessed: string[];
  could_be_higher: boolean;
  job_offer: { score: number; max_score: number; validated: boolean; flags: Sign[]; note: string } | null;
  next_steps: string[];
  emergency: Referral[];
  referrals: Referral[];
  no_local: string | null;
  /** Rights, in plain words, where the person is (a foreign citizen's residence permit, say). */
  rights: string[];
  emergency_missing: string | null;
  child_rules: boolean;
  about_other: boolean;
  problems: string[];
}

/** Loads the module (once per page). */
export function load(): Promise<unknown>;
/** The questionnaire, like `putokaz questions`. */
export function getQuestions(lang?: string, mode?: 'screening' | 'job-offer'): Promise<{ lang: string; mode: 'screening' | 'job_offer'; questions: Question[]; version: string }>;
/** Assesses answers in this browser, like `putokaz assess`. */
export function assessAnswers(lang: string, input: { answers: Record<string, AnswerValue>; mode?: 'screening' | 'job-offer'; region?: string; now?: number | string }): Promise<Result>;
/** The problems of a partner config, one sentence each; empty when it is fine. */
export function validateConfig(config: PartnerConfig | string): Promise<string[]>;

declare global {
  interface HTMLElementTagNameMap {
    'putokaz-screening': HTMLElement & { config: PartnerConfig | null };
  }
}
