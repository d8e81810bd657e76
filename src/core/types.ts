/**
 * The body of a successful `POST /v4/{parser}/parse` (the API's `UnifiedResponse`).
 * Every field is optional, as in the API: which ones appear depends on the kind of CAS.
 */
export interface ParseResult {
  meta?: {
    cas_type?: 'NSDL' | 'CDSL' | 'CAMS_KFINTECH' | (string & {});
    statement_period?: { from?: string; to?: string };
    generated_at?: string;
  };
  investor?: {
    name?: string;
    pan?: string;
    email?: string | null;
    address?: string | null;
    pincode?: string | null;
    mobile?: string | null;
    cas_id?: string;
  };
  summary?: {
    total_value?: number;
    accounts?: Partial<Record<'demat' | 'mutual_funds' | 'insurance' | 'nps', AccountSummary>>;
  };
  demat_accounts?: DematAccount[];
  mutual_funds?: MutualFundFolio[];
  insurance?: { life_insurance_policies?: LifeInsurancePolicy[] };
  nps?: NpsAccount[];
  [key: string]: unknown;
}

/** Count and value of one kind of account. */
export interface AccountSummary {
  count?: number;
  total_value?: number;
}

/** A holder named on an account. */
export interface LinkedHolder {
  name?: string;
  pan?: string;
}

/** A transaction of a mutual fund scheme or a demat holding. */
export interface Transaction {
  date?: string;
  description?: string;
  type?: string;
  amount?: number | null;
  units?: number;
  nav?: number | null;
  balance?: number;
  dividend_rate?: number | null;
  additional_info?: Record<string, unknown>;
}

/** A security held in a demat account. */
export interface Holding {
  isin?: string;
  name?: string;
  units?: number;
  value?: number;
  transactions?: Transaction[];
  additional_info?: { open_units?: number | null; close_units?: number | null };
}

/** A CDSL or NSDL demat account. */
export interface DematAccount {
  demat_type?: 'NSDL' | 'CDSL' | (string & {});
  dp_id?: string;
  dp_name?: string;
  client_id?: string;
  bo_id?: string;
  value?: number;
  linked_holders?: LinkedHolder[];
  holdings?: Partial<
    Record<'equities' | 'corporate_bonds' | 'government_securities' | 'aifs' | 'demat_mutual_funds', Holding[]>
  >;
  additional_info?: Record<string, unknown>;
}

/** A mutual fund scheme within a folio. */
export interface MutualFundScheme {
  isin?: string;
  name?: string;
  type?: 'Equity' | 'Debt' | 'Hybrid' | 'Other' | (string & {});
  units?: number;
  nav?: number;
  value?: number;
  cost?: number;
  gain?: { absolute?: number; percentage?: number };
  transactions?: Transaction[];
  nominees?: string[];
  additional_info?: Record<string, unknown>;
}

/** A mutual fund folio. */
export interface MutualFundFolio {
  folio_number?: string;
  amc?: string;
  registrar?: string;
  value?: number;
  linked_holders?: LinkedHolder[];
  schemes?: MutualFundScheme[];
  additional_info?: Record<string, unknown>;
}

/** A life insurance policy. */
export interface LifeInsurancePolicy {
  policy_number?: string;
  provider?: string;
  policy_name?: string;
  life_assured?: string;
  status?: string;
  premium_frequency?: string;
  sum_assured?: number;
  premium_amount?: number;
  additional_info?: Record<string, unknown>;
}

/** An NPS account. */
export interface NpsAccount {
  pran?: string;
  cra?: string;
  value?: number;
  funds?: { name?: string; units?: number; nav?: number; value?: number; cost?: number; additional_info?: Record<string, unknown> }[];
  linked_holders?: LinkedHolder[];
  additional_info?: Record<string, unknown>;
}
