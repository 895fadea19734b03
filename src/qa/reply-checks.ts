import { MEDICINES } from './medicines.js';

/**
 * Guardrails v2: the checks an experienced moderator would make on a health answer, each a
 * function from text to a reason (or null). guardrails.ts runs them in order after the basic
 * checks. Sentences that defer to a clinician ("only a surgeon who has examined you can say") are
 * spared the surgery and diagnosis checks: that is the answer the library itself gives.
 */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MEDICINE_NAMES = new RegExp(`\\b(?:${MEDICINES.map(escape).join('|')})\\b`, 'i');
const DOSE = /\b\d+(?:\.\d+)?\s?(?:mg|milligrams?|mcg|micrograms?|g|grams?|ml|millilitres?|iu|units?)\b/i;
const DOSING = [
  /\b(?:one|two|three|four|a|an|\d+)\s+(?:tablets?|pills?|capsules?|caps|sachets?|doses?|puffs?|patch(?:es)?)\b[^.!?]{0,40}\b(?:a day|per day|daily|twice|three times|four times|every|each|hourly|at night|in the morning|with food)\b/i,
  /\b(?:take|taking|try|use|pop|have)\b[^.!?]{0,25}\b(?:painkillers?|pain ?relief|pain relievers?|anti-?inflammator\w*|tablets?|pills?|capsules?|medication|meds|an injection|a jab|a steroid)\b/i,
  /\b(?:painkillers?|pain relief|anti-?inflammator\w*|tablets?|pills?|meds)\b[^.!?]{0,30}\b(?:before|after|around) (?:your |the |each )?(?:session|workout|exercise|training|bed)\b/i,
  /\b(?:every|each)\s+\d+\s*(?:-\s*\d+\s*)?hours\b/i,
];
export const DEFERS = /\b(?:(?:cannot|can't|can not|will not|won't) (?:tell you|say) whether|only (?:you and )?(?:a|your|the) (?:surgeon|clinician|doctor|gp|physio\w*|pharmacist|consultant)|(?:surgeon|clinician|doctor|gp|physio\w*|pharmacist|consultant) (?:who has examined|can (?:tell|say|decide|advise|explain))|question for (?:a|your|the)|decision (?:only|for)|(?:cannot|can't|can not|won't|will not|do not|don't) (?:diagnose|say yes or no|advise)|not (?:something|a question) (?:i|hipcoach) can|hipcoach (?:does not|doesn't|cannot|can't))\b/i;

export function medicationAdvice(text: string): string | null {
  if (MEDICINE_NAMES.test(text)) return 'names a medicine';
  if (DOSE.test(text)) return 'gives a dose';
  for (const sentence of sentences(text)) {
    if (DEFERS.test(sentence) || /\b(?:pharmacist|doctor|gp)\b/i.test(sentence) && !/\b(?:take|pop|use)\b/i.test(sentence)) continue;
    if (DOSING.some((p) => p.test(sentence))) return 'advises on medication';
  }
  return null;
}

const SURGERY = /\b(?:surgery|surgical|operation|op|operate|operated|arthroscop\w*|scope|scoped|keyhole|hip replacement|resurfacing|osteotomy|pao|labral repair|debridement|shave|shaved|the knife)\b/i;
const SURGERY_VERDICT = /\b(?:need|needs|needed|should|must|have to|ought|better|best|only|worth|recommend\w*|suggest\w*|advise\w*|go for|opt for|consider|book|push for|ask for|insist|fix|fixes|cure|cures|solve|solves|sort|avoid|skip|unnecessary|necessary|pointless|waste|won't help|will help|would help|helps|inevitable|eventually|sooner|later|wait|delay|don't bother|not needed|no need|last resort|first|ideal|candidate|success rates?|works)\b/i;

export function surgeryAdvice(text: string): string | null {
  for (const sentence of sentences(text)) {
    if (DEFERS.test(sentence)) continue;
    if (SURGERY.test(sentence) && SURGERY_VERDICT.test(sentence)) return 'advises on surgery';
  }
  return null;
}

const CONDITION = /\b(?:loose body|cartilage damage|labral damage|fai|femoroacetabular|impingement|cam|pincer|labral|labrum|tear|torn|arthritis|osteoarthritis|oa|dysplasia|bursitis|tendinopathy|tendinitis|tendonitis|gluteal tendinopathy|fracture|hernia|sports hernia|sciatica|piriformis syndrome|snapping hip|avascular necrosis|avn|perthes|stress reaction|pinched nerve|slipped disc|disc)\b/i;
const DIAGNOSTIC = /\b(?:you (?:have|'ve got|have got|'ve|are suffering|suffer)|you(?:'re| are) (?:dealing with|experiencing|showing)|sounds? (?:like|exactly like|very much like)|(?:is|are) (?:probably|likely|almost certainly|definitely|clearly|classic|typical|textbook)|(?:this|that|it)(?:'s| is) (?:a |an )?(?:classic|typical|textbook|probably|likely|definitely|clearly)|consistent with|points? to|indicat\w*|suggests? (?:a|an|you|that)|i (?:suspect|think|believe|bet|reckon)|my (?:guess|bet|diagnosis)|diagnos\w*|(?:your|the) (?:problem|issue|pain) is (?:a |an |your )?|caused by (?:a |an |your )|means you have|it(?:'s| is) (?:your|a|an) )/i;

export function diagnosis(text: string): string | null {
  for (const sentence of sentences(text)) {
    if (DEFERS.test(sentence)) continue;
    if (DIAGNOSTIC.test(sentence) && CONDITION.test(sentence)) return 'makes a diagnosis';
  }
  return null;
}

const CLINICAL_ROLE = /\b(?:as (?:a|your|an) (?:physio\w*|doctor|gp|surgeon|clinician|nurse|pt|physical therapist|orthopa?edic\w*|sports medicine|chiropractor|osteopath|medical professional|healthcare professional|therapist|specialist|consultant)|i(?:'m| am) (?:a|your|an) (?:qualified |licensed |registered |chartered )?(?:sports |massage |physical )?(?:physio\w*|doctor|gp|surgeon|clinician|nurse|pt|physical therapist|medical professional|therapist|specialist|consultant|chiropractor|osteopath)|in my (?:clinical|professional|medical) (?:experience|opinion|practice|judgement|judgment)|my patients|(?:i|we) (?:see|treat) (?:this|patients|people like you) (?:all the time|every day|often)|speaking (?:clinically|as a))\b/i;

export function claimsClinicalRole(text: string): string | null {
  return CLINICAL_ROLE.test(text) ? 'claims a clinical role' : null;
}

/**
 * HipCoach's pain-monitoring model: up to 3/10 is fine, 4-5 is acceptable if it settles by the
 * next morning, more than that means easing back. Advice against it either way is rejected.
 */
const PAIN_AGAINST_MODEL = [
  /\b(?:push|power|work|grind|fight|train) (?:through|past) (?:the |any |sharp |your |it\b)?(?:pain|hurt|discomfort)?/i,
  /\bno pain,? no gain\b/i,
  /\bignore (?:the |any |your )?(?:pain|twinges?|discomfort)\b/i,
  /\bpain (?:of |up to |around |at |levels? (?:of )?)?(?:[6-9]|10)(?:\s*(?:\/|out of)\s*10)\b[^.!?]{0,30}\b(?:fine|ok|okay|normal|acceptable|good|expected|safe)\b/i,
  /\b(?:[6-9]|10)(?:\s*(?:\/|out of)\s*10)\b[^.!?]{0,20}\b(?:is|are) (?:fine|ok|okay|normal|acceptable|safe)\b/i,
  /\b(?:stop|quit) (?:immediately |straight away |right away )?(?:at|if you feel|when you feel|with) (?:any|the slightest|even mild|the first) (?:pain|twinge|discomfort)\b/i,
  /\b(?:any|all) pain\b[^.!?]{0,30}\b(?:damage|harm|bad|stop)\b/i,
  /\b(?:only|always) (?:ever )?(?:exercise|train|work|move) (?:completely |totally |fully )?pain[- ]free\b/i,
  /\bavoid (?:all|any) (?:pain|discomfort)\b/i,
  /\bhurt(?:ing)? is (?:good|a good sign|progress)\b/i,
  /\bsharp pain is (?:fine|ok|okay|normal)\b/i,
];

export function painAdviceAgainstModel(text: string): string | null {
  return PAIN_AGAINST_MODEL.some((p) => p.test(text)) ? 'pain advice against the pain-monitoring model' : null;
}

const PROMISES = [
  /\b(?:will|'ll|is going to|are going to|guaranteed to|guarantee(?:s|d)? (?:to|it will|you will))\s+(?:\w+\s+)?(?:cure|fix|heal|eliminate|get rid of|reverse|resolve|remove)\b/i,
  /\b(?:cures?|cured|curing)\b[^.!?]{0,25}\b(?:fai|impingement|hip|pain|arthritis|tear|it)\b/i,
  /\b(?:fai|impingement|hip|pain|arthritis|tear)\b[^.!?]{0,25}\b(?:cured|curable|permanently fixed|gone for good|gone forever)\b/i,
  /\b(?:pain[- ]free|better|fixed|healed|back to normal|recovered|gone)\b[^.!?]{0,20}\b(?:in|within|after|by) (?:just |only )?(?:\d+|a few|a couple of|two|three|four|five|six|eight|ten|twelve) (?:days?|weeks?|months?)\b/i,
  /\b(?:in|within|after) (?:just |only )?(?:\d+|a few|a couple of|two|three|four|five|six|eight|ten|twelve) (?:days?|weeks?|months?)\b[^.!?]{0,30}\b(?:you(?:'ll| will) be (?:pain[- ]free|fixed|healed|better|back to normal|running|recovered)|(?:the )?pain will (?:be gone|disappear|go away|stop))\b/i,
  /\b(?:guarantee\w*|100 ?%|promise)\b[^.!?]{0,30}\b(?:better|work|fix|results|improve|pain[- ]free|recover)\b/i,
  /\b(?:\d+|a|one|two|three|four|five|six|eight|ten|twelve|a few|a couple of) (?:days?|weeks?|months?)\b[^.!?]{0,40}\byou(?:'ll| will) be (?:pain[- ]free|fixed|healed|better|back to normal|running|recovered)\b/i,
  /\byou(?:'ll| will) be (?:pain[- ]free|fixed|healed|back to normal|running again|recovered)\b[^.!?]{0,25}\b(?:in|within|by) (?:a|one|\d+|two|three|a few|a couple of|summer|christmas|next)\b/i,
  /\breverse (?:the |your )?(?:bone|cam|bump|shape|damage|arthritis|tear)\b/i,
  /\b(?:regrow|repair|heal) (?:the |your )?(?:labrum|cartilage|tear)\b/i,
];

export function curePromise(text: string): string | null {
  return PROMISES.some((p) => p.test(text)) ? 'promises a cure or a timeline' : null;
}

/** Bare domains ("physio-hips.com/guide", "nhs.uk"); the scheme form is checked in guardrails.ts. */
const BARE_DOMAIN = /\b((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|org|net|uk|io|info|health|co|me|app|ly|us|au|ca|nz|ie|de|fr|edu|gov|biz|xyz|site|online|shop|clinic|care|fit|fitness))\b(?:\/[^\s)]*)?/gi;

export function domainsIn(text: string): string[] {
  return [...text.matchAll(BARE_DOMAIN)].map((m) => m[1]!.toLowerCase().replace(/^www\./, ''));
}

/** Named drills people know that are not movement words; blocked unless the library has them. */
export const KNOWN_DRILL_NAMES: readonly string[] = [
  'couch stretch', 'pigeon', 'pigeon pose', 'frog stretch', 'frog pose', 'happy baby', 'butterfly stretch', 'world\'s greatest stretch', 'worlds greatest stretch',
  'hip cars', 'controlled articular rotations', 'shin box', 'cossack', 'pallof', 'jefferson', 'nordic', 'nordics', 'copenhagen', 'spanish squat',
  'hip flossing', 'nerve flossing', 'sciatic floss', 'banded distraction', 'hip distraction', 'lizard pose', 'lizard stretch', 'thread the needle', 'figure four stretch',
  'figure-4 stretch', 'piriformis stretch', 'it band stretch', 'foam roll', 'foam rolling', 'lacrosse ball', 'scorpion', 'fire log', 'cobra', 'downward dog',
  'child\'s pose', 'hip circles', 'leg swings', 'hip openers', 'windshield wipers', 'prying goblet squat', 'goblet squat', 'pistol squat', 'sissy squat',
  'monster walk', 'crab walk', 'frog pump', 'frog pumps', 'kettlebell swing', 'turkish get up', 'bulgarian split squat', 'skater squat', 'dragon flag',
];

export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim() !== '');
}
