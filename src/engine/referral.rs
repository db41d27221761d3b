//! The choice of a short list of help for one person, from the directory.

use serde::Serialize;

use super::assess::Outcome;
use super::content::{IndicatorSet, Level, Mode};
use super::directory::{Audience, Confidence, Directory, Entry, OpenState, Service};
use super::time::UtcMinutes;

/// Everything the choice of referrals depends on.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    pub outcome: &'a Outcome,
    /// The country the person is in now (the widget's region when not
    /// answered); `None` for a country Putokaz does not list.
    pub country_now: Option<String>,
    /// Where the work is, was or will be, if known (in job-offer mode: the
    /// destination).
    pub country_work: Option<String>,
    /// The country the person is from, if said; the widget's region stands
    /// in for it when not.
    pub country_origin: Option<String>,
    /// `female`, `male`, `other`, or empty when not said.
    pub gender: &'a str,
    /// The widget's home region: its hotlines help its people abroad.
    pub region: String,
    /// Where the person is was not said (not asked yet, not sure, prefer not
    /// to say): `country_now` is the region, and 112 is offered too.
    pub somewhere: bool,
    pub lang: &'a str,
    pub now: UtcMinutes,
}

/// Why an entry was chosen, one plain sentence each (a catalog key and its argument).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Why {
    pub key: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arg: Option<String>,
}

impl Why {
    fn new(key: &'static str) -> Why {
        Why { key, arg: None }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Pick<'a> {
    pub entry: &'a Entry,
    pub why: Vec<Why>,
    pub open: OpenState,
    pub check_first: bool,
}

/// Whether a person is among those a service is for: the audiences are
/// alternatives (women or children); a service for adults and children is
/// for every age. `None` when the person has not said.
fn fits(audience: &[Audience], member: impl Fn(Audience) -> Option<bool>) -> Option<bool> {
    if audience.contains(&Audience::Adults) && audience.contains(&Audience::Children) {
        return Some(true);
    }
    let mut fit = Some(false);
    for a in audience {
        match member(*a) {
            Some(true) => return Some(true),
            None => fit = None,
            Some(false) => {}
        }
    }
    fit
}

/// The short list for one person.
#[derive(Debug, Clone, Serialize)]
pub struct Selection<'a> {
    /// The emergency numbers of the country the person is in now.
    pub emergency: Vec<Pick<'a>>,
    /// At most [`MAX_PICKS`] services, best first.
    pub services: Vec<Pick<'a>>,
    /// True when the directory has no emergency number for the country the
    /// person is in: `emergency` is then 112, which works in the EU and in
    /// many other countries, if the directory has it.
    pub no_emergency: bool,
    /// True when no service in the directory works in the country the person is in.
    pub no_local: bool,
    /// True when no service in the directory works where the work is, and
    /// that is not where the person is.
    pub no_work: bool,
    pub country_now: Option<String>,
    /// The catalog keys of the rights, recorded with the entries of the
    /// country the person is in or works in, that are for this person.
    pub rights: Vec<&'a str>,
}

pub const MAX_PICKS: usize = 5;

/// Chooses and orders referrals. Pure and deterministic: the same context
/// gives the same list.
pub fn select<'a>(directory: &'a Directory, context: &Context<'_>) -> Selection<'a> {
    let outcome = context.outcome;
    let country = context.country_now.as_deref().unwrap_or("");
    let lang_primary = context.lang.split('-').next().unwrap_or(context.lang);
    let job_offer = outcome.mode == Mode::JobOffer || outcome.job_offer.as_ref().is_some_and(|j| !j.flags.is_empty());
    let child = outcome.child_rules && !outcome.sets.iter().any(|s| !s.is_child());
    let maybe_child = outcome.child_rules;
    // Home: the country the person is from, or the widget's region.
    let home_country = context.country_origin.as_deref().unwrap_or(&context.region);
    let abroad = country != home_country;
    let sexual_or_marriage = outcome.sets.iter().any(|s| s.is_sexual()) || outcome.is_fired("forced_marriage") || outcome.is_fired("child_marriage");
    // Signs of exploited work (not an offer, not sex, not a relationship,
    // not danger now, when the emergency and anti-trafficking lines come first).
    let labour = matches!(outcome.level, Level::Some | Level::Serious) && outcome.sets.contains(&IndicatorSet::AdultLabour) && !sexual_or_marriage && !job_offer && outcome.frame.is_none();
    // Whether the person is among those a service is for: `Some(true)` or
    // `Some(false)`, `None` when they have not said (see `fits`).
    let age_known = (!maybe_child || child).then_some(child);
    let said = |g: &str| (!context.gender.is_empty() && context.gender != "other").then(|| context.gender == g);
    // A migrant where the service works: from another country than the service's.
    let member = |a: Audience, entry: &Entry| match a {
        Audience::Anyone => Some(true),
        Audience::Adults => age_known.map(|c| !c),
        Audience::Children => age_known,
        Audience::Women => said("female"),
        Audience::Men => said("male"),
        Audience::Migrants => context.country_origin.as_deref().map(|o| o != &*entry.country),
    };

    let mut emergency: Vec<Pick> = Vec::new();
    for entry in directory.entries.iter() {
        if emergency.len() == 3 {
            break;
        }
        if entry.emergency && entry.works_in(country) {
            emergency.push(Pick { entry, why: vec![Why::new("ref.why.emergency")], open: entry.open_state(context.now), check_first: entry.confidence == Confidence::Low });
        }
    }
    let no_emergency = emergency.is_empty();
    let is_112 = |e: &Entry| e.voice().is_some_and(|n| n.number == "112");
    if no_emergency || context.somewhere && !emergency.iter().any(|p| is_112(p.entry)) {
        for entry in directory.entries.iter() {
            if entry.emergency && entry.country == "EU" && is_112(entry) {
                emergency.push(Pick { entry, why: vec![Why::new("ref.why.emergency")], open: entry.open_state(context.now), check_first: false });
                break;
            }
        }
    }

    let local_services = directory.entries.iter().filter(|e| !e.emergency && !country.is_empty() && e.country == country).count();
    let mut scored: Vec<(i32, bool, Pick)> = Vec::new();
    let mut rights: Vec<&str> = Vec::new();
    for entry in directory.entries.iter().filter(|e| !e.emergency) {
        let local = entry.works_in(country);
        let home = abroad && entry.country == home_country && entry.reachable_from_abroad();
        let work = context.country_work.as_deref().is_some_and(|w| w != country && entry.country == w && entry.reachable_from_abroad());
        let international = entry.country == "INT";
        if !(local || home || work || international) {
            continue;
        }
        // Another country's help in this one (an embassy): for that
        // country's people, who said so, only.
        let from_home_here = local && entry.country != country && entry.country != "EU" && !international;
        if from_home_here && context.country_origin.as_deref() != Some(&*entry.country) {
            continue;
        }
        // Never for someone outside the service's audience.
        let fit = fits(&entry.audience, |a| member(a, entry));
        if fit == Some(false) {
            continue;
        }
        // Checking an offer, a line for women only is not for someone who
        // has not said she is one.
        if job_offer && entry.audience.iter().all(|a| *a == Audience::Women) && fit != Some(true) {
            continue;
        }
        let has = |s: Service| entry.services.contains(&s);
        let mut score = 0;
        // Made for people like this person: women, men or migrants (children's
        // services have their own weight below), or, for exploited work, for
        // rights at work.
        if entry.audience.iter().any(|a| matches!(a, Audience::Women | Audience::Men | Audience::Migrants) && member(*a, entry) == Some(true)) {
            score += 20;
        } else if labour && has(Service::LabourRights) {
            score += 25;
        }
        // No question asks whether a child is missing: a line for missing
        // children would only push the children's helpline down.
        if has(Service::MissingChildren) {
            continue;
        }
        // A children's line (children's help, talk, reporting, nothing more)
        // is not for an adult asking about an adult.
        let for_children_only = entry.services.iter().all(|s| matches!(s, Service::Children | Service::Psychological | Service::Reporting));
        if for_children_only && !maybe_child {
            continue;
        }
        // Checking a job offer is about work and recruitment: lines for other
        // needs (children, missing children, violence at home) would only
        // lengthen the list.
        let about_work = [Service::JobOfferCheck, Service::TraffickingIdentification, Service::LabourRights, Service::Legal, Service::Information]
            .into_iter()
            .any(has);
        if outcome.mode == Mode::JobOffer && !about_work {
            continue;
        }
        let mut why = Vec::new();
        // The result's frame puts its services first (control in a
        // relationship: services for violence at home).
        if let Some(frame) = &outcome.frame {
            if entry.services.iter().any(|s| outcome.services_first.iter().any(|f| f == super::read::name_of(*s, super::read::SERVICES))) {
                score += 80;
                why.push(Why { key: "ref.why.frame", arg: Some(frame.clone()) });
            }
        }
        if maybe_child && (has(Service::Children) || has(Service::MissingChildren)) {
            // Services made for children come before general ones that also help children.
            let for_children = has(Service::Children) && entry.audience.contains(&Audience::Children);
            score += match (for_children, child) {
                (true, true) => 60,
                (true, false) | (false, true) => 30,
                (false, false) => 15,
            };
            // A child where the person is: the public body that protects
            // children and can place them safely at any hour (the centre for
            // social work) comes before other general help.
            if child && local && has(Service::Shelter) && !has(Service::TraffickingIdentification) {
                score += 35;
            }
            why.push(Why::new("ref.why.children"));
        }
        if sexual_or_marriage && has(Service::Women) && fit == Some(true) {
            score += 30;
            why.push(Why::new("ref.why.women"));
        }
        if job_offer && has(Service::JobOfferCheck) {
            score += 60;
            why.push(Why::new("ref.why.job_check"));
        }
        // Under a frame (control in a relationship) trafficking is not the
        // question: its services give no extra weight for it.
        if has(Service::TraffickingIdentification) && outcome.frame.is_none() {
            score += match (child, outcome.level >= Level::Some) {
                (true, _) => 20,
                // The country's own anti-trafficking line stays before its help at work.
                (false, true) if labour && local && *entry.country == *country && entry.audience.contains(&Audience::Anyone) => 50,
                (false, true) => 40,
                (false, false) => 25,
            };
            why.push(Why::new("ref.why.trafficking"));
        } else if has(Service::LabourRights) && outcome.frame.is_none() && (job_offer || outcome.level >= Level::Some) {
            score += 20;
            why.push(Why::new("ref.why.labour_rights"));
        } else if has(Service::VictimSupport) || has(Service::Shelter) {
            score += 10;
            why.push(Why::new("ref.why.support"));
        }
        // Whether it was chosen for what the person needs, not only for where it works or when.
        let for_the_need = !why.is_empty();
        // A right recorded with a service about trafficking, work or job
        // offers, where the person is or works, once something was noticed,
        // whether or not the service makes the short list: it holds in that
        // country.
        let about_exploitation = why.iter().any(|w| matches!(w.key, "ref.why.trafficking" | "ref.why.labour_rights" | "ref.why.job_check"));
        if about_exploitation && (outcome.level >= Level::Some || job_offer) && (*entry.country == *country || context.country_work.as_deref() == Some(&*entry.country)) {
            for (key, whom) in entry.rights.iter() {
                let fits = *whom == "anyone" || member(Audience::Migrants, entry) == Some(true);
                if fits && !rights.contains(&&**key) {
                    rights.push(key);
                }
            }
        }
        if from_home_here {
            score += 60;
            why.push(Why { key: "ref.why.home", arg: Some(entry.country.to_string()) });
        } else if local && entry.country != "INT" && entry.country != "EU" {
            score += 20;
            why.push(Why { key: "ref.why.local", arg: Some(country.to_string()) });
        } else if home {
            score += 15;
            why.push(Why { key: "ref.why.home", arg: Some(home_country.to_string()) });
        } else if work {
            // Checking an offer, the destination's own help comes before
            // home's of other kinds.
            score += if job_offer { 25 } else { 5 };
            why.push(Why { key: "ref.why.work_country", arg: context.country_work.clone() });
        } else if local {
            score += 10;
        }
        let open = entry.open_state(context.now);
        // At night, a line that answers now is worth more than a better one that is closed.
        if open.is_open() {
            score += 25;
            why.push(Why::new("ref.why.open_now"));
        }
        if entry.languages.iter().any(|l| l == lang_primary) && lang_primary != "en" || (lang_primary == "en" && entry.languages.iter().any(|l| l == "en") && abroad) {
            score += 10;
            why.push(Why { key: "ref.why.language", arg: Some(lang_primary.to_string()) });
        }
        match entry.confidence {
            Confidence::High => score += 5,
            Confidence::Medium => {}
            Confidence::Low => score -= 10,
        }
        if international {
            score -= 15;
        }
        if why.is_empty() {
            why.push(Why::new("ref.why.general"));
        }
        // One plain reason per entry (its hours and languages are shown
        // anyway): help from home, or where the work is, says most when the
        // person is elsewhere; then what it does for this person; then that
        // it works here.
        let rank = |w: &Why| match w.key {
            "ref.why.home" => 0,
            "ref.why.work_country" => 1,
            "ref.why.local" => 3,
            "ref.why.language" => 4,
            "ref.why.open_now" => 5,
            _ => 2,
        };
        if let Some(best) = why.iter().min_by_key(|w| rank(w)).cloned() {
            why = vec![best];
        }
        scored.push((score, fit.is_some() && for_the_need, Pick { entry, why, open, check_first: entry.confidence == Confidence::Low }));
    }
    // Highest score first; the id breaks ties so the order never depends on file order by chance.
    super::sort_by(&mut scored, |(a, _, pa), (b, _, pb)| b.cmp(a).then_with(|| pa.entry.id.cmp(&pb.entry.id)));
    // A service for women, children, men or migrants only is never first for
    // someone who has not said they are one: the best open to them that was
    // chosen for what they need comes first (not one that only works nearby,
    // such as the children's helpline for an adult).
    if let Some(i) = scored.iter().position(|(_, fits, _)| *fits) {
        let best = scored.remove(i);
        scored.insert(0, best);
    }
    // A worker abroad with signs of exploited work: help from home to get
    // back (the consulates) has a place among the five.
    let back_home = |p: &Pick| abroad && *p.entry.country == *home_country && p.entry.services.contains(&Service::ReturnReintegration) && !p.entry.services.contains(&Service::TraffickingIdentification);
    if let Some(i) = scored.iter().position(|(_, _, p)| back_home(p)).filter(|i| *i >= MAX_PICKS && labour) {
        let pick = scored.remove(i);
        scored.insert(MAX_PICKS - 1, pick);
    }
    // One number listed twice (a European line and its national operator) is one service.
    let mut numbers: Vec<&str> = Vec::new();
    for pick in &emergency {
        numbers.extend(pick.entry.voice().map(|n| &*n.number));
    }
    let mut services = Vec::new();
    for (_, _, pick) in scored {
        if services.len() == MAX_PICKS {
            break;
        }
        let number = pick.entry.voice().map(|n| &*n.number);
        if number.is_some_and(|n| numbers.contains(&n)) {
            continue;
        }
        numbers.extend(number);
        services.push(pick);
    }
    Selection {
        emergency,
        services,
        no_emergency,
        no_local: local_services == 0,
        no_work: context.country_work.as_deref().is_some_and(|w| w != country && !directory.entries.iter().any(|e| !e.emergency && (e.works_in.iter().any(|c| c == w) || *e.country == *w && e.works_in.is_empty()))),
        country_now: context.country_now.clone(),
        rights,
    }
}

