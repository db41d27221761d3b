//! The questionnaire's model: modules, questions, indicators, the job-offer
//! score, the ILO/EC indicator list and the result levels. Plain data,
//! (de)serialised with serde, compiled into the program as statics.

use serde::{Deserialize, Serialize};

use super::condition::Condition;
use super::{List, Text};

/// Which questionnaire runs: the full screening, or only the job-offer check.
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::content))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Screening,
    JobOffer,
}

impl Mode {
    /// Reads `screening`, `job-offer` or `job_offer` (and `contract-check`,
    /// the job offer starting with the text check).
    pub fn parse(text: &str) -> Option<Mode> {
        match text {
            "screening" => Some(Mode::Screening),
            "job-offer" | "job_offer" | "contract-check" => Some(Mode::JobOffer),
            _ => None,
        }
    }
}

#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::content))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    YesNo,
    Single,
    Multi,
    Country,
    /// Several countries: a multiple choice over every country.
    Countries,
}

impl Kind {
    /// Whether the answer may hold several options.
    pub fn multiple(self) -> bool {
        matches!(self, Kind::Multi | Kind::Countries)
    }

    /// Whether the options are every country (see `directory::countries`).
    pub fn of_countries(self) -> bool {
        matches!(self, Kind::Country | Kind::Countries)
    }
}

/// What the engine reads a question for, beyond its indicators.
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::content))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Age,
    Subject,
    CountryNow,
    CountryWork,
    /// "Is it safe to answer now?": a yes/no question; "no" offers the way out first.
    SafeNow,
    /// The country the person is from (origin or citizenship): only ranks and labels referrals.
    CountryOrigin,
    /// Woman or girl, man or boy, or neither (options `female`, `male`, `other`): only ranks and labels referrals.
    Gender,
}

#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::content))]
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Module {
    pub id: Text,
    pub modes: List<Mode>,
    #[serde(default)]
    pub show_if: Option<Condition>,
    #[serde(default)]
    pub sensitive: bool,
}

#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::content))]
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: Text,
    pub module: Text,
    pub kind: Kind,
    #[serde(default)]
    pub options: List<Text>,
    #[serde(default)]
    pub role: Option<Role>,
    #[serde(default)]
    pub show_if: Option<Condition>,
    #[serde(default)]
    pub exclusive: List<Text>,
    /// Before this question is answered, the questions still to come are
    /// counted as if these options were chosen (only for "question N of
    /// about M").
    #[serde(default)]
    pub assume: List<Text>,
}

/// Palermo Protocol Art. 3 elements.
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::content))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Element {
    Act,
    Means,
    Purpose,
}

#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::content))]
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sources {
    #[serde(default)]
    pub ilo_forced_labour: List<u8>,
    #[serde(default)]
    pub unodc: List<Text>,
    #[serde(default)]
    pub penal_code_rs: List<Text>,
    #[serde(default)]
    pub other: List<Text>,
}

impl Sources {
    pub fn count(&self) -> usize {
        self.ilo_forced_labour.len() + self.unodc.len() + self.penal_code_rs.len() + self.other.len()
    }
}

#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::content))]
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: Text,
    pub element: Element,
    pub fires_if: Condition,
    #[serde(default)]
    pub ilo_ec: List<Text>,
    #[serde(default)]
    pub urgent: bool,
    #[serde(default)]
    pub child_exploitation: bool,
    /// A grave purpose (Art. 388-390): at least `serious` at any age.
    #[serde(default)]
    pub grave_purpose: bool,
    /// A sexual answer: the ILO/EC sexual-exploitation sets are judged only
    /// when an indicator marked so fired (or could not be checked).
    #[serde(default)]
    pub sexual: bool,
    /// Explicit: on a result, said only when the person asks (someone may be
    /// looking at the screen), behind a neutral line.
    #[serde(default)]
    pub discreet: bool,
    /// Required, but left out of the browser copy of the built-in content
    /// (see build.rs); the check that it is not empty stays.
    pub sources: Sources,
}

#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::content))]
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flag {
    pub indicator: Text,
    pub weight: u32,
}

#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::content))]
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub min_score: u32,
    pub level: super::Level,
}

/// A way of reading a result: when its condition holds and none of the
/// listed elements, no grave purpose and no exploitation showed, the level is
/// at most `max_level` (danger now still gives `urgent`), the result uses the
/// frame's own words (`frame.<id>.*`), and services offering one of
/// `services_first` come first.
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::content))]
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Frame {
    pub id: Text,
    pub applies_if: Condition,
    #[serde(default)]
    pub unless_elements: List<Element>,
    pub max_level: super::Level,
    #[serde(default)]
    pub services_first: List<Text>,
}

/// The job-offer red-flag score: transparent expert-set weights and bands.
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::content))]
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JobOffer {
    pub validated: bool,
    pub flags: List<Flag>,
    pub bands: List<Band>,
}

#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::content))]
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    pub version: Text,
    pub modules: List<Module>,
    pub questions: List<Question>,
    pub indicators: List<Indicator>,
    pub job_offer: JobOffer,
    #[serde(default)]
    pub frames: List<Frame>,
}

/// ILO/EC operational indicators: dimensions, sets and grades.
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::content))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    DeceptiveRecruitment,
    CoerciveRecruitment,
    VulnerabilityRecruitment,
    Exploitation,
    CoercionDestination,
    VulnerabilityDestination,
}

impl Dimension {
    pub const ALL: [Dimension; 6] = [
        Dimension::DeceptiveRecruitment,
        Dimension::CoerciveRecruitment,
        Dimension::VulnerabilityRecruitment,
        Dimension::Exploitation,
        Dimension::CoercionDestination,
        Dimension::VulnerabilityDestination,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Dimension::DeceptiveRecruitment => "deceptive_recruitment",
            Dimension::CoerciveRecruitment => "coercive_recruitment",
            Dimension::VulnerabilityRecruitment => "vulnerability_recruitment",
            Dimension::Exploitation => "exploitation",
            Dimension::CoercionDestination => "coercion_destination",
            Dimension::VulnerabilityDestination => "vulnerability_destination",
        }
    }

    /// Abuse of vulnerability, at recruitment or at destination.
    pub fn is_vulnerability(self) -> bool {
        matches!(self, Dimension::VulnerabilityRecruitment | Dimension::VulnerabilityDestination)
    }

    pub fn is_recruitment(self) -> bool {
        matches!(
            self,
            Dimension::DeceptiveRecruitment | Dimension::CoerciveRecruitment | Dimension::VulnerabilityRecruitment
        )
    }
}

#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::content))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorSet {
    AdultLabour,
    AdultSexual,
    ChildLabour,
    ChildSexual,
}

impl IndicatorSet {
    pub const ALL: [IndicatorSet; 4] =
        [IndicatorSet::AdultLabour, IndicatorSet::AdultSexual, IndicatorSet::ChildLabour, IndicatorSet::ChildSexual];

    pub fn id(self) -> &'static str {
        match self {
            IndicatorSet::AdultLabour => "adult_labour",
            IndicatorSet::AdultSexual => "adult_sexual",
            IndicatorSet::ChildLabour => "child_labour",
            IndicatorSet::ChildSexual => "child_sexual",
        }
    }

    pub fn is_child(self) -> bool {
        matches!(self, IndicatorSet::ChildLabour | IndicatorSet::ChildSexual)
    }

    pub fn is_sexual(self) -> bool {
        matches!(self, IndicatorSet::AdultSexual | IndicatorSet::ChildSexual)
    }
}

#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::content))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    Weak,
    Medium,
    Strong,
}

#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::content))]
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IloItem {
    pub id: Text,
    pub dimension: Dimension,
    /// For reviewers only: left out of the browser copy (see build.rs).
    pub label: Text,
    #[serde(with = "super::pairs")]
    pub grades: List<(IndicatorSet, Grade)>,
}

#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::content))]
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IloEc {
    /// For reviewers only: left out of the browser copy (see build.rs).
    pub source: Text,
    #[serde(default)]
    pub note: Text,
    pub indicators: List<IloItem>,
}

/// The four result levels, lowest first. There is no "safe" level.
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::content))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// No warning signs in the answers, which is never a promise of safety.
    NoneReported,
    Some,
    Serious,
    Urgent,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::NoneReported, Level::Some, Level::Serious, Level::Urgent];

    pub fn id(self) -> &'static str {
        match self {
            Level::NoneReported => "none_reported",
            Level::Some => "some",
            Level::Serious => "serious",
            Level::Urgent => "urgent",
        }
    }
}

