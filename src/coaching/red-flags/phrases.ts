/**
 * Red-flag detection in free text (Q&A questions, `/ask`, PSFS activity names).
 *
 * Every free text is run through `detectRedFlagsInText` BEFORE anything else; any hit replaces the
 * answer with the clinician referral and pauses exercise DMs. The detector is deterministic, pure
 * and fast: the text is normalised once, then a table of hand-written patterns per flag id is run
 * over it. All the data lives in `RULES` below; each pattern says what it catches.
 *
 * Design rules (safety first):
 * - A pattern fires when the wording genuinely describes the symptom, even loosely ("wet myself",
 *   "lost a stone without trying"). When in doubt between two readings, the concerning one wins.
 * - Vetoes are narrow and local: a negation just before the keyword in the same clause ("no fever",
 *   "never had cancer", "I'm not pregnant"), the symptom clearly belonging to someone else ("my mum
 *   had cancer"), or an exercise context for words that are ordinary in training ("weak in the
 *   single leg bridge"). A veto only ever discards that one match; other patterns still run.
 * - Ordinary exercise talk (pinch, stretch, stiff, clicks, "can't do the side plank", "I'm 45",
 *   "chest day") must not fire.
 */
import { RED_FLAG_IDS, type RedFlagId } from '../../content/ids.js';

export interface RedFlagMatch {
  id: RedFlagId;
  /** The matched snippet of the normalised text (lower case, contractions expanded). */
  phrase: string;
}

interface Rule {
  /** What this pattern catches (for reviewers; also the contract the tests check). */
  readonly note: string;
  /** Global pattern run over the normalised text. */
  readonly re: RegExp;
  /** Every one of these must also occur somewhere in the text. */
  readonly also?: readonly RegExp[];
  /** The match is ignored when the sentence containing it matches this. */
  readonly unless?: RegExp;
  /** The match is ignored when the sentence text before it matches this (anchor with `$`). */
  readonly notAfter?: RegExp;
  /** The match is ignored when a negation closely precedes it in the same clause ("no fever"). */
  readonly negatable?: boolean;
  /** The match is ignored when the sentence gives it to another person ("my mum had cancer"). */
  readonly selfOnly?: boolean | 'incl-she';
}

// ---------------------------------------------------------------------------------------------
// Regex building blocks. `pat` builds a global pattern (for matching), `cue` a plain one (for
// context tests: `also`, `unless`, `notAfter`). `${}` splices in a shared fragment verbatim.

function raw(strings: TemplateStringsArray, parts: readonly string[]): string {
  return String.raw({ raw: strings.raw }, ...parts);
}
function frag(strings: TemplateStringsArray, ...parts: string[]): string {
  return raw(strings, parts);
}
function pat(strings: TemplateStringsArray, ...parts: string[]): RegExp {
  return new RegExp(raw(strings, parts), 'g');
}
function cue(strings: TemplateStringsArray, ...parts: string[]): RegExp {
  return new RegExp(raw(strings, parts));
}

/** Words that flip the meaning; fillers between a subject and its symptom may not be one of these. */
const NEG_WORD = frag`(?:not|never|no|nothing|barely|hardly|rarely|seldom)`;
/** One filler word before the next token: " word" (never a negation, so "is not constant" fails). */
const GAP = frag`(?:\s+(?!${NEG_WORD}\b)[\w']+)`;
/** One filler word and its trailing space: "word " (never a negation). */
const WORD = frag`(?:(?!${NEG_WORD}\b)[\w']+\s+)`;
/** Lower leg and foot words. */
const LIMB = frag`(?:legs?|foot|feet|toes?|calf|calves|shin|thigh)`;
/** Pain words. */
const PAIN = frag`(?:pain|pains|painful|hurts?|hurting|ache|aches|aching|sore|throb\w*|agony|killing me|niggl\w*|twinges?)`;
/** Ages under 18 in digits or words (ten to seventeen). */
const AGE_U18 = frag`(?:1[0-7]|[1-9]|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)`;
/** Ages under 18 including one to nine in words (only used before "year old"). */
const AGE_U18_WORDS = frag`(?:${AGE_U18}|one|two|three|four|five|six|seven|eight|nine)`;
/** What may follow a bare age so it reads as an age ("I'm 16.", "I'm 16 and...") not "I'm 16 weeks in". */
const AGE_END = frag`(?:\s*(?:years?|yrs?|yr)(?:\s*old)?|\s*(?:yo|y\/o|y o)\b)?(?=\s*(?:[,.!?;:)"]|$|(?:and|but|so|with|now|nearly|almost|turning|going on|next|soon|btw|in (?:year|grade|high school|school)|at (?:school|college))\b))`;
/** Injury words, for "injury AND ..." rules. "fell behind/asleep" are not injuries. */
const INJURY = cue`\b(?:fell(?! (?:behind|asleep|off the (?:wagon|plan|schedule)|out of))|fallen(?! (?:behind|asleep))|fall(?:ing)? (?:over|down|off|on|from)|had a fall|a bad fall|tripped|slipped|crash(?:ed)?|collision|collided|accident|knocked (?:off|over|down)|hit by|came off|thrown off|tackled|landed (?:badly|awkwardly|hard|on)|twisted (?:it|my)|injur(?:ed|y|ies))\b`;
/** "in / during / doing" + an exercise or session: ordinary training context. */
const EXERCISE_WORDS = frag`(?:exercises?|bridges?|planks?|squats?|lunges?|clams?|clamshells?|deadlifts?|rdls?|hinges?|thrusts?|step ?ups?|step ?downs?|stretch(?:es)?|pigeon|90 ?90|ninety ninety|drills?|holds?|reps?|sets?|tests?|poses?|positions?|rock ?backs?|lift ?offs?|raises?|kicks?|workouts?|sessions?|routines?|circuits?|classes?|yoga|pilates|gym|balance(?: work)?|stance|dead ?bugs?|bird ?dogs?|copenhagens?|cossacks?|marches|press ?ups?|push ?ups?|bench(?: press)?|dips|flies|flyes)`;
const EXERCISE_DURING = cue`\b(?:in|during|doing|on|for|through|at the (?:top|bottom|end) of)\s+(?:the\s+|my\s+|a\s+|an\s+|this\s+|that\s+|these\s+|those\s+|each\s+|every\s+)?(?:[\w']+\s+){0,3}?${EXERCISE_WORDS}\b`;
const EXERCISE_ANY = cue`\b(?:in|during|doing|on|for|through|after|from|since|at the (?:top|bottom|end) of)\s+(?:the\s+|my\s+|a\s+|an\s+|this\s+|that\s+|these\s+|those\s+|each\s+|every\s+)?(?:[\w']+\s+){0,3}?(?:${EXERCISE_WORDS}|leg day|runs?|running|ride|hike|training|match|game|football|walk)\b`;
/** Long ago: "10 years ago", "when I was young". */
const LONG_AGO = frag`\b(?:(?:[2-9]|[1-9]\d|two|three|four|five|six|seven|eight|nine|ten|many|several|a few|few|a couple of|couple of)\s+years?\s+ago|years ago|decades? ago)\b`;
/** Broke / fractured the hip, leg or pelvis; "my hip is broken". */
const BROKEN_LEG = frag`(?:\b(?:broke|broken|fractured|fracture|cracked)\s+(?:my\s+|the\s+|a\s+)?(?:hip|pelvis|femur|leg|thigh|thigh bone|neck of femur|bone)\b|\b(?:hip|pelvis|leg|femur|bone)\s+(?:is|was|might be|could be|may be|must be|feels?)\s+(?:\w+\s+)?(?:broken|fractured|cracked)\b)`;
/** A fracture that is history, not today's injury. */
const PAST_FRACTURE = cue`${LONG_AGO}|\bwhen i was\b|\bas a (?:kid|child|teen|teenager|boy|girl)\b|\bin (?:19|20)\d\d\b|\blast year\b|\bstress fractures?\b|\b(?:risk|chance|odds|prevent\w*|avoid\w*) (?:of )?(?:a )?(?:hip|pelvic|femoral) fractures?\b`;
/** A fracture suspected today, in a sentence that does not date it to the past. */
const SUSPECTED_NOW = cue`^(?![^]*(?:${PAST_FRACTURE.source}))[^]*\b(?:think|thought|might|may|could|possibly|probably|worried|scared|afraid|wonder(?:ing)?|maybe|yesterday|today|tonight|this morning|last night)\b`;
/** Night pain tied to lying on the sore side: a position problem, not the red flag. */
const POSITIONAL = cue`\b(?:when|if|whenever|once|as soon as) i (?:lie|lay|roll|sleep|turn|am lying|am laying|rolled|turned)\b|\b(?:lying|laying|sleeping|rolling) (?:on|onto) (?:it|that|my|the)\b|\bon (?:that|my (?:left|right|bad|sore|painful)|the (?:left|right|bad|sore|painful)) side\b`;
/**
 * Night pain that does not settle: the spec's flag is pain that wakes you AND does not settle with
 * position. "Pain wakes me up at night" alone is the sleeping-position FAQ; with one of these it flags.
 */
const NOT_SETTLING = cue`\b(?:nothing (?:helps|works|eases|settles|touches)|(?:does|do|did|will|would) not (?:settle|ease|help|go away|stop|calm down|let up|get better|matter (?:how|what|which))|not settl\w*|cannot get (?:back to sleep|comfortable)|could not get (?:back to sleep|comfortable)|(?:no|any|every|whatever|whichever|no matter (?:what|which|how))\s+(?:\w+\s+)?(?:position|way i (?:lie|lay|sleep|turn))|no matter (?:what|how)|every (?:single )?night|each night|night after night|all night|most nights|every (?:few )?hours?|for hours|hours awake|awake for|up for hours|constant\w*|whatever i do|painkillers? (?:do not|does not|did not|never) (?:help|work|touch)|several times|multiple times|many times|times a night|keeps? waking|kept waking)\b`;
/** "knee to chest hurts" is an exercise, not chest pain. */
const TO_CHEST = cue`\b(?:to|towards?|toward|into|against|up to)\s+(?:my\s+|the\s+|your\s+)?$`;
/** Training performance, not a symptom: "my squat is getting worse every week". */
const NOT_SYMPTOM_SUBJECT = cue`\b(?:squats?|form|technique|balance|pace|times?|score|performance|lifts?|deadlifts?|bench|posture|sleep|mood|diet|motivation)\s+(?:is\s+|are\s+|has\s+|have\s+|keeps?\s+|kept\s+)?(?:been\s+)?$`;
/** Lying on the stomach (prone) is a position, not abdominal pain. */
const ON_MY = cue`\b(?:on|onto)\s+(?:my|your|the)\s+$`;

// ---------------------------------------------------------------------------------------------
// The table: patterns per flag id. The v2 flags (dvt, sudden numbness, falls at 60+) live only in
// the concept rules of red-flags/rules.ts.

const RULES: Readonly<Partial<Record<RedFlagId, readonly Rule[]>>> = {
  trauma_cannot_bear_weight: [
    {
      note: 'cannot / unable to / can barely put, bear or take weight (not hands or wrists, not in an exercise)',
      re: pat`\b(?:cannot|could not|unable to|not able to|not been able to|can barely|can hardly|can only just|too (?:painful|sore) to)\s+(?:put|bear|take|place|stand|get)\s+(?:(?:any|much|my|full|the|some|my full|any of my|much of my)\s+)?weight(?!\s+(?:on|through|onto|into)\s+(?:my\s+|the\s+|your\s+|both\s+)?(?:wrists?|hands?|arms?|shoulders?|elbows?|heels?|toes|forefoot|front foot|back foot|front leg|back leg))(?!\s+(?:back|forward|forwards|evenly|equally))`,
      unless: EXERCISE_DURING,
    },
    {
      note: 'the same, after an injury or fall in the same text (exercise words do not veto it then)',
      re: pat`\b(?:cannot|could not|unable to|not able to|not been able to|can barely|can hardly|can only just|too (?:painful|sore) to)\s+(?:put|bear|take|place|stand|get)\s+(?:(?:any|much|my|full|the|some)\s+)?weight`,
      also: [INJURY],
    },
    {
      note: 'cannot walk or stand on it / at all; cannot put my foot down (not "can\'t walk far", not a balance hold "stand on my left leg for 30s")',
      re: pat`\b(?:cannot|could not|unable to|not able to|not been able to|can barely|can hardly)\s+(?:walk|stand|weight ?bear|hobble|bear weight)(?:\s+on\s+(?:it|that leg|that side|that foot|the leg|my (?:left |right |bad |sore |injured )?(?:leg|foot|hip))\b(?!\s+(?:for|without|longer|long|more|very|as|on its own|alone|by itself|in|during|while|steadily|properly|and balance))|\s+at all\b|\s+any ?more\b|\s*(?=[,.!?;]|$)|\s+(?:since|now)\b)|\b(?:cannot|could not|unable to|not able to)\s+put\s+(?:my|the|that)\s+(?:left\s+|right\s+)?foot\s+(?:down|on the (?:ground|floor))\b`,
    },
    {
      note: 'non weight bearing (not "non weight bearing exercises")',
      re: pat`\bnon ?weight ?bearing\b(?!\s+(?:exercises?|options?|work|cardio|activit\w+|alternatives?|versions?|stuff|training|movements?|moves|machines?))`,
    },
    {
      note: 'leg or hip is deformed / misshapen, or looks out of place (not the chiropractor\'s "my hip is out of place")',
      re: pat`\b(?:legs?|hip|thigh|knee|foot)\b${GAP}{0,3}?\s+(?:looks?|looking|looked|appears?|is|was|seems?)\s+${WORD}?(?:deformed|misshapen|mis shapen)\b|\b(?:legs?|hip|thigh|knee|foot)\b${GAP}{0,3}?\s+(?:looks?|looking|looked|appears?)\s+${WORD}?(?:out of place|the wrong shape|crooked|at a (?:weird|strange|funny|odd|wrong) angle)\b`,
    },
    {
      note: 'deformed / misshapen leg or hip',
      re: pat`\b(?:deformed|misshapen|mis shapen)\s+(?:legs?|hip|thigh|knee|foot)\b`,
    },
    {
      note: 'dislocated hip, or it popped out of the socket',
      re: pat`\b(?:dislocated|dislocation)\b|\bpopped out of (?:its |the |my )?(?:socket|joint|place)\b`,
      negatable: true,
      unless: cue`${LONG_AGO}|\bwhen i was\b|\bas a (?:baby|child|kid)\b|\b(?:congenital|developmental|born with)\b`,
    },
    {
      note: 'after an injury: leg shorter, turned out or looking wrong (hip fracture or dislocation sign)',
      re: pat`\b(?:leg|foot)\b${GAP}{0,3}?\s+(?:is|was|looks?|seems?|has gone|went)\s+${WORD}?(?:shorter|turned out(?:wards?)?|rotated out(?:wards?)?|pointing out(?:wards?)?|rolled out(?:wards?)?|wrong|weird|odd|strange|funny|bent|twisted|out of shape)\b`,
      also: [INJURY],
    },
    {
      note: 'after an injury: broke or fractured the hip, leg or pelvis',
      re: pat`${BROKEN_LEG}`,
      also: [INJURY],
      negatable: true,
      unless: PAST_FRACTURE,
    },
    {
      note: 'suspected fracture without the fall spelled out: "I think I\'ve broken my hip", "is my leg broken?"',
      re: pat`\b(?:think|thought|might|may|could|possibly|probably|worried|scared|afraid|wonder(?:ing)?|maybe|sure)\b[^.!?]{0,30}?${BROKEN_LEG}`,
      negatable: true,
      unless: PAST_FRACTURE,
    },
  ],

  hot_swollen_joint_fever: [
    {
      note: 'fever, high temperature, chills or feeling unwell, with a hip / joint / pain / hot-swollen word in the text',
      re: pat`\b(?:fevers?|feverish|febrile|high temp(?:erature)?|(?:a|running a|got a|have a|had a|with a|raised|slight) (?:high |slight |bit of a |little )?temp(?:erature)?|temp(?:erature)? of 3[7-9]|3[89](?:\.\d)? ?(?:c|degrees)|10[0-4](?:\.\d)? ?(?:f|degrees)|chills|the shivers|shivering|shivery|rigou?rs|feel(?:ing|s)?\s+(?:generally |really |very |quite |so |a bit |pretty |properly )?(?:unwell|poorly|ill|feverish|shivery)|felt\s+(?:generally |really |very |quite |so |a bit )?(?:unwell|poorly|ill|feverish)|flu like|fluey)\b`,
      also: [cue`\b(?:hips?|joint|groin|thigh|legs?|buttock|pelvis|pain|painful|hurts?|hot|warm|red|swollen|swelling|inflamed)\b`],
      negatable: true,
      unless: cue`\b(?:recovered|got over|over it|gone now|better now|cleared up|last month|(?:weeks?|months?|years?) ago)\b`,
    },
    {
      note: 'two of hot / red / swollen / inflamed together (not "red hot", not "warm up")',
      re: pat`\b(hot|warm(?! ?up)|red(?! hot| band)|swollen|swelling|inflamed|puffy)\b[^.!?]{0,30}?\b(?!\1\b)(?:hot(?! water| bath| shower| pack| tub| yoga| wheat)|red(?! band| light)|swollen|swelling|inflamed|puffy)\b`,
      also: [cue`\b(?:hips?|joint|groin|thigh|legs?|it|buttock)\b`],
      negatable: true,
      unless: cue`\b(?:heat (?:pack|pad)s?|hot water bottle|wheat bag|sauna|hot tub|bath|shower|sunburn\w*|massage|foam roll\w*|rubbing|rubbed|friction|bands?|chafing)\b`,
    },
    {
      note: 'hot or warm to the touch',
      re: pat`\b(?:hot|warm|burning) to (?:the )?touch\b`,
      negatable: true,
    },
    {
      note: 'joint infection: septic arthritis, infected hip / joint / wound',
      re: pat`\bseptic (?:arthritis|hip|joint)\b|\b(?:hip|joint|wound|scar)\s+(?:is\s+|has\s+|got\s+|has got\s+|looks\s+|seems\s+|might be\s+|could be\s+)?(?:infection|infected)\b|\binfected (?:hip|joint|wound|scar)\b|\binfection (?:in|of) (?:my |the )?(?:hip|joint|scar|wound)\b`,
      negatable: true,
    },
    {
      note: 'hot / red / swollen / oozing / infected after an injection or operation (same sentence, either order)',
      re: pat`\b(?:injection|injected|jab|surgery|operation|op|arthroscopy|scope|replacement)\b[^.!?]{0,60}?\b(?:hot(?! water| bath| shower| pack| tub| yoga| wheat)|warm to|red(?! band| light)|swollen|swelling|inflamed|oozing|pus|weeping|infected)\b|\b(?:hot|red|swollen|swelling|inflamed|oozing|weeping|infected)\b[^.!?]{0,40}?\b(?:since|after|following) (?:the|my|a|an|that) (?:\w+ )?(?:injection|jab|surgery|operation|op|arthroscopy|scope)\b`,
      negatable: true,
      unless: cue`\b(?:should i|shall i|could i|can i|would|will i|thinking about|considering|next (?:week|month)|booked|waiting list|scheduled)\b|\b(?:heat (?:pack|pad)s?|hot water bottle|wheat bag|sauna|hot tub|bath|shower)\b`,
    },
  ],

  saddle_numbness_or_bladder_bowel: [
    {
      note: 'numb / no feeling / cannot feel + between the legs, groin, genitals, back passage, inner thighs, "when I wipe"',
      re: pat`\b(?:numb\w*|no feeling|lost (?:the |all |my )?(?:feeling|sensation)|loss of (?:feeling|sensation)|cannot feel (?:anything|much|it)?|could not feel|reduced (?:feeling|sensation)|altered (?:feeling|sensation)|dead(?! ?(?:bugs?|lifts?|hangs?|weight)))\b[^.!?]{0,25}?\b(?:between (?:my |the |both )?(?:legs|thighs|inner thighs)|groin|crotch|genitals?|genital area|privates|private (?:parts|area|bits)|down there|(?:back|front) passage|anus|perineum|perineal|saddle(?: area| region)?|inner thighs|vagina|vulva|labia|penis|scrotum|testicles?|when (?:i )?wip(?:e|ing)|bum ?hole|bottom when)\b`,
      negatable: true,
    },
    {
      note: 'tingling / pins and needles in the same places (not during a stretch or exercise)',
      re: pat`\b(?:tingl\w*|pins and needles|par(?:a)?esthesia)\b[^.!?]{0,25}?\b(?:between (?:my |the |both )?(?:legs|thighs|inner thighs)|groin|crotch|genitals?|genital area|privates|private (?:parts|area|bits)|down there|(?:back|front) passage|anus|perineum|perineal|saddle(?: area| region)?|inner thighs|vagina|vulva|labia|penis|scrotum|testicles?|when (?:i )?wip(?:e|ing)|bum ?hole|bottom when)\b`,
      negatable: true,
      unless: EXERCISE_DURING,
    },
    {
      note: 'groin / genitals / saddle area / inner thighs is (going) numb or tingly',
      re: pat`\b(?:groin|crotch|genitals?|genital area|privates|private (?:parts|area|bits)|(?:back|front) passage|anus|perineum|saddle area|inner thighs|vagina|vulva|penis|scrotum|testicles?|between my legs)\b${GAP}{0,3}?\s+(?:is|are|feels?|felt|went|goes|gone|has gone|have gone|going|feeling|got|gets|getting|has been|have been)\s+${WORD}?(?:numb|dead|tingly|tingling)\b`,
      negatable: true,
    },
    {
      note: 'saddle numbness / anaesthesia, cauda equina',
      re: pat`\bsaddle (?:numbness|an(?:a)?esthesia|par(?:a)?esthesia|tingling|sensory loss)\b|\bcauda equina\b`,
      negatable: true,
    },
    {
      note: 'wet / soiled myself, incontinence (not sneeze-or-jump stress leaks)',
      re: pat`\b(?:wet|wetting|peed|peeing|pee'd|pissed|pissing|soiled|soiling|pooed|pooing|pooped|pooping|pooh'd|messed|wee'd|weed|weeing)\s+(?:myself|the bed|my (?:pants|trousers|knickers|underwear|bed|shorts))\b|\bincontinen(?:t|ce)\b`,
      negatable: true,
      unless: cue`\bwhen (?:i )?(?:sneeze|sneezing|cough|coughing|laugh|laughing|jump|jumping|skip|skipping)\b`,
    },
    {
      note: 'lost / no / trouble with control of bladder or bowels',
      re: pat`\b(?:lost|losing|loss of|lose|no|poor|cannot|could not|trouble|difficulty|problems?|struggl\w*)\s+${WORD}?control(?:ling)?\s+(?:of\s+|over\s+)?(?:my\s+|the\s+)?(?:bladder|bowels?|pee|wee|urine|toilet|poo)\b`,
      negatable: true,
    },
    {
      note: 'trouble / cannot / hard to pee, start peeing, empty the bladder or open the bowels',
      re: pat`\b(?:trouble|difficulty|difficulties|problems?|issues?|struggl\w*|hard|harder|cannot|could not|unable|not able|not been able|can barely|can hardly|straining)\s+${WORD}{0,2}?(?:to\s+|with\s+|when\s+|on\s+)?(?:pee|peeing|wee|weeing|urinat\w*|pass(?:ing)?\s+(?:urine|water|stools?|a stool)|empty(?:ing)?\s+my\s+(?:bladder|bowels?)|start(?:ing)?\s+(?:to\s+)?(?:pee|wee|urinat\w*|my stream|the flow|a stream)|poo|pooing|open(?:ing)?\s+my\s+bowels)\b`,
      negatable: true,
    },
    {
      note: 'bladder / bowel problems, changes, accidents or retention',
      re: pat`\b(?:bladder|bowels?|urinary|peeing|urine)\s+${WORD}?(?:problems?|issues?|trouble|changes?|accidents?|retention|incontinence|dysfunction|control)\b|\b(?:cannot|could not|do not|does not) (?:feel|tell|sense|know) (?:when|if) i (?:need|have|want) to (?:pee|wee|go|poo)\b|\b(?:cannot|could not|did not|do not|never) make it to the (?:toilet|loo|bathroom)\b|\b(?:toilet|bladder|bowel|wetting) accidents?\b|\bcannot hold (?:in\s+)?(?:my\s+)?(?:pee|wee|urine|bladder|bowels|it in)\b`,
      negatable: true,
      unless: cue`\bwhen (?:i )?(?:sneeze|sneezing|cough|coughing|laugh|laughing|jump|jumping|skip|skipping)\b|\bbladder (?:infection|cancer)\b`,
    },
    {
      note: 'leaking / dribbling urine or stool (not sneeze-or-jump stress leaks)',
      re: pat`\b(?:leak\w*|dribbl\w*)\s+${WORD}?(?:urine|pee|wee|poo|stool)\b|\b(?:urine|pee|wee)\s+(?:leak\w*|dribbl\w*)\b`,
      negatable: true,
      unless: cue`\bwhen (?:i )?(?:sneeze|sneezing|cough|coughing|laugh|laughing|jump|jumping|skip|skipping|lift|lifting|run|running)\b`,
    },
    {
      note: 'weakness / numbness / giving way in both legs (not in an exercise)',
      re: pat`\bboth (?:of )?(?:my )?legs\b[^.!?]{0,30}?\b(?:weak\w*|numb\w*|giv\w* (?:way|out)|buckl\w*|collaps\w*|tingl\w*|pins and needles|dead(?! ?(?:bugs?|lifts?|hangs?))|jelly)\b|\b(?:weak\w*|numb\w*|tingl\w*|pins and needles)\b[^.!?]{0,20}?\b(?:in|of|down) both (?:of )?(?:my )?legs\b|\bmy legs\s+(?:keep\s+|kept\s+|are\s+|have been\s+|started\s+|have started\s+|both\s+)?(?:giving (?:way|out)|buckling|collapsing)\b`,
      unless: EXERCISE_ANY,
    },
  ],

  cold_pale_leg: [
    {
      note: 'leg / foot is, went or turned pale, white, blue, mottled or grey (not bruises, not cold-weather Raynaud)',
      re: pat`\b${LIMB}\b${GAP}{0,3}?\s+(?:is|are|was|were|went|gone|go|goes|going|turned|turning|turns|looks?|looking|has gone|have gone|has turned|became|becoming|gets|getting|is going|is turning)\s+${WORD}{0,2}?(?:pale|white|blue|bluish|blue ish|grey|gray|mottled|waxy|dusky)\b`,
      unless: cue`\bbruis\w*|black and blue|tattoo|\bveins?\b|raynaud|in the cold|cold weather|in winter|when it is cold|from the cold|cold water|sun ?tan|\btan\b|shorts|haha|\blol\b`,
    },
    {
      note: 'leg / foot went, turned or is suddenly cold or icy (not "always cold", not winter)',
      re: pat`\b${LIMB}\b${GAP}{0,3}?\s+(?:went|gone|go|goes|going|turned|turning|turns|has gone|have gone|became|becoming|is suddenly|suddenly|feels? suddenly|is going)\s+${WORD}?(?:cold|icy|ice cold|freezing|stone cold)\b|\b${LIMB}\b${GAP}{0,3}?\s+(?:is|are|feels?|felt|was|were)\s+(?:so |really |very )?(?:ice cold|icy|stone cold|freezing cold|cold to (?:the )?touch|cold and (?:pale|white|blue|numb|mottled|grey))\b`,
      unless: cue`raynaud|in the cold|cold weather|in winter|when it is cold|\balways\b|from the cold|in the (?:pool|sea|water)|ice bath|cold plunge`,
    },
    {
      note: 'pale / mottled / blue cold leg or foot (adjectives first)',
      re: pat`\b(?:pale|white|mottled|blue|cold|icy)\s*,?\s*(?:and\s+)?(?:pale|white|mottled|blue|cold|icy)\s+${LIMB}\b|\b(?:pale|mottled|bluish|dusky)\s+${LIMB}\b`,
      unless: cue`raynaud|in the cold|cold weather|in winter|sun ?tan`,
    },
    {
      note: 'no pulse in the foot or leg',
      re: pat`\b(?:no|cannot feel (?:a|my|the|any)|could not feel (?:a|my|the|any)|lost (?:the |my )?|weak|absent)\s+pulses?\b`,
      also: [cue`\b${LIMB}\b|\bankle\b`],
    },
  ],

  night_or_constant_pain: [
    {
      note: 'the pain keeps me up / awake (does not settle by definition)',
      re: pat`\b(?:pain|it|hip|ache|aching|throbbing|hurting|groin|leg|agony)\b${GAP}{0,2}?\s+(?:keeps|kept|is keeping|has been keeping|has kept)\s+me\s+(?:up|awake)\b`,
      unless: POSITIONAL,
    },
    {
      note: 'pain / it / my hip wakes me, with a sign it does not settle ("every night", "nothing helps", "can\'t get back to sleep"); not "wakes me when I lie on that side"',
      re: pat`\b(?:pain|it|hip|ache|aching|throbbing|hurting|groin|leg|agony)\b${GAP}{0,2}?\s+(?:wakes|woke|wake|is waking|keeps waking|has been waking|has woken|was waking|kept waking)\s+me\b`,
      also: [NOT_SETTLING],
      unless: POSITIONAL,
    },
    {
      note: 'woken by / from / because of the pain, with a sign it does not settle',
      re: pat`\b(?:woken|woke|waking|wake|wakes)\s+(?:me\s+)?(?:up\s+)?${WORD}?(?:by|from|because of|due to)\s+(?:the\s+|my\s+)?(?:pain|agony|throbbing|ache|hip pain|hip)\b`,
      also: [NOT_SETTLING],
      unless: POSITIONAL,
    },
    {
      note: 'waking in pain, with a sign it does not settle ("wake up with pain" alone is morning pain)',
      re: pat`\b(?:wake|wakes|waking|woke)\s+(?:up\s+)?${WORD}{0,5}?(?:in|with)\s+${WORD}?(?:pain|agony)\b`,
      also: [NOT_SETTLING],
      unless: POSITIONAL,
    },
    {
      note: 'cannot sleep / have not slept because of / for / with the pain',
      re: pat`\b(?:not|barely|hardly|never)\s+(?:been\s+)?(?:slept|sleeping|had a (?:good |full |proper )?night'?s sleep)\b[^.!?]{0,30}?\b(?:because of|for|from|due to|with)\s+(?:the\s+|this\s+|my\s+)?(?:pain|ache|hip|agony|throbbing)\b|\b(?:cannot|could not|unable to|struggl\w* to|hard to|difficult to|impossible to)\s+(?:get to\s+|get back to\s+)?sleep\s+${WORD}?(?:because of|for|from|due to|with|through)\s+(?:the\s+|this\s+|my\s+)?(?:pain|ache|hip|agony|throbbing)\b`,
    },
    {
      note: 'no position helps / cannot get comfortable in any position / changing position does not ease it',
      re: pat`\bcannot get comfortable\b[^.!?]{0,30}?\b(?:any|whatever|no matter|all night|at night|in bed|every)\b|\b(?:no|not one|not a single|not any)\s+position\s+(?:helps|is comfortable|eases|works|settles)\b|\b(?:changing|change of|moving) position\s+(?:does not|did not|never|will not)\s+(?:help|ease|settle|relieve)\b|\b(?:whatever|no matter what|no matter which) position\b`,
    },
    {
      note: 'constant / constantly in pain (not "constantly sore after workouts")',
      re: pat`\bconstant(?:ly)?\s+${WORD}?(?:pain|ache|aching|hurting|throbbing|burning|agony|in pain|sore|discomfort)\b`,
      negatable: true,
      unless: cue`\b(?:after|from)\s+(?:every\s+|each\s+|the\s+|my\s+)?(?:workouts?|sessions?|exercises?|runs?|training|gym)\b`,
    },
    {
      note: 'the pain / it is constant, continuous, there all the time, 24/7',
      re: pat`\b(?:pain|ache|aching|it|hip|hurting|discomfort|throbbing)\b${GAP}{0,3}?\s+(?:is|are|has been|have been|feels|seems|stays|remains|was)\s+${WORD}?(?:constant|continuous|continual|non stop|nonstop|relentless|unrelenting|there all the time|always there|24\/7|24 7|never ending|permanent)\b(?=\s*(?:[,.!?;)]|$|(?:and|but|now|even|day|night|all|though|these days|at the moment|lately|recently|pain|ache|aching|throbbing|discomfort|whatever|no matter|whether|since|for)\b))`,
      negatable: true,
    },
    {
      note: 'hurts all the time / day and night / round the clock (not "all the time when I run")',
      re: pat`\b(?:hurts?|aches?|aching|hurting|pain|painful|sore|throbs?|throbbing|in pain|in agony)\b${GAP}{0,3}?\s+(?:all the time|24\/7|24 7|every minute|day and night|night and day|constantly|non stop|nonstop|at all times|all day and (?:all )?night|round the clock|around the clock)\b(?!\s+(?:when|whenever|if|during|while|after|in the|on the|doing)\b)`,
      negatable: true,
    },
    {
      note: 'the pain never goes away / never stops / never lets up',
      re: pat`\b(?:pain|ache|aching|it|hip|discomfort|hurting)\b${GAP}{0,2}?\s+never\s+(?:really\s+|fully\s+|completely\s+|ever\s+)?(?:goes away|go away|stops|lets up|eases|settles|switches off|leaves|lets me be)\b`,
    },
    {
      note: 'pain even when lying still / resting / doing nothing',
      re: pat`\b(?:hurts?|aches?|aching|hurting|pain|painful|sore|throbs?|throbbing|in pain|constant)\b[^.!?]{0,40}?\beven (?:when|while|if|at|in)\s+(?:i am\s+|i\s+)?(?:lying|laying|lie|lay|resting|rest|still|not moving|doing nothing|asleep|sleeping|sitting still|keeping still|at rest|completely still)\b`,
      negatable: true,
    },
    {
      note: 'even resting it throbs / even lying still it hurts',
      re: pat`\beven (?:when |while |if )?(?:i am |i )?(?:resting|at rest|lying still|laying still|doing nothing|sitting still|keeping still|not moving|in bed)\b[^.!?]{0,25}?\b(?:hurts?|aches?|aching|throbs?|throbbing|pain|painful|sore)\b`,
    },
    {
      note: 'pain at rest / when resting / whether I move or rest / whatever I do',
      re: pat`\b(?:hurts?|aches?|aching|hurting|pain|painful|sore|throbs?|throbbing)\b${GAP}{0,3}?\s+(?:at rest|when (?:i am |i )?(?:resting|not moving|doing nothing|lying still|keeping still)|while (?:i am )?(?:resting|lying still|not moving|doing nothing)|whether i (?:move|am moving) or (?:not|rest|am resting|keep still)|whatever i do|no matter what i do)\b|\brest(?:ing)? pain\b|\bpain at rest\b`,
      negatable: true,
    },
  ],

  weight_loss_or_night_sweats: [
    {
      note: 'night sweats, sweating at night, drenching sweats, waking soaked',
      re: pat`\bnight ?sweats?\b|\bsweat(?:s|ing|y)?\s+${WORD}?(?:at night|in the night|during the night|in my sleep|in bed|through the night|all night)\b|\b(?:drenching|drenched|soaking|soaked|pouring|heavy|profuse|dripping)\s+sweats\b|\bwak\w* up\s+${WORD}{0,2}?(?:soaked|drenched|dripping|soaking|wet through|covered in sweat|in a pool of sweat|sweating|sweaty)\b|\b(?:soaked|drenched|soaking|sweated)\s+(?:through\s+)?(?:the|my)\s+(?:sheets|bed|pyjamas|pajamas|pillow|bedding|nightclothes|nightie)\b`,
      negatable: true,
      selfOnly: true,
    },
    {
      note: 'weight loss + without trying / for no reason / unexplained (same sentence, either order)',
      re: pat`\b(?:(?:lost|losing|lose|loss of|dropped|dropping|shed|shedding)\s+${WORD}{0,3}?(?:\d+(?:\.\d+)?\s*)?(?:weight|kg|kgs|kilos?|pounds|lbs?|stones?|st|dress sizes?|clothes sizes?|a size|sizes)|weight ?loss)\b[^.!?]{0,40}?\b(?:without (?:even |really )?(?:trying|meaning to|dieting|being on a diet|wanting to|changing (?:anything|my diet))|not (?:been |even )?(?:trying|dieting|on a diet)|for no (?:obvious |apparent |good |real )?reason|no idea why|do not know why|unexplained|unintentional\w*|unintended|by accident|accidentally|have not been trying|not sure why|can ?not explain|without explanation)\b|\b(?:without (?:even |really )?(?:trying|dieting)|for no (?:obvious |apparent |good )?reason)\b[^.!?]{0,30}?\b(?:lost|losing|dropped)\s+${WORD}{0,3}?(?:\d+(?:\.\d+)?\s*)?(?:weight|kg|kgs|kilos?|pounds|lbs?|stones?|st)\b`,
      selfOnly: true,
    },
    {
      note: 'unexplained / unintentional / sudden weight loss; weight dropping off me',
      re: pat`\b(?:unexplained|unintentional|unintended|unexpected|sudden|rapid|unplanned|mystery)\s+weight ?loss\b|\bweight\s+(?:is\s+|has been\s+|keeps\s+|just\s+)?(?:dropping|falling|coming|melting|fell|dropped) off(?: me)?\b`,
      negatable: true,
      selfOnly: true,
    },
  ],

  cancer_history: [
    {
      note: 'cancer, tumour, lymphoma, leukaemia, myeloma, metastases, chemo, radiotherapy, breast-cancer drugs (mine, not my mum\'s; not negated)',
      re: pat`\b(?:cancers?|cancerous|tumou?rs?|malignan\w*|lymphoma|leuka?emia|myeloma|melanoma|sarcoma|carcinoma|metasta\w*|oncolog\w*|chemo\w*|radiotherapy|radiation (?:therapy|treatment)|tamoxifen|letrozole|anastrozole|exemestane|mastectomy|lumpectomy|in remission|hodgkin\w*)\b`,
      negatable: true,
      selfOnly: true,
      unless: cue`\b(?:cancer|tumou?r)s?\s+${WORD}{0,2}(?:ruled out|excluded)\b|\b(?:ruled out|excluded)\s+${WORD}{0,2}(?:cancer|tumou?r)|\bcancer (?:research|charity|awareness|fundraiser|risk)\b|\brace for life\b|\b(?:cause|causes|causing|prevent|prevents|reduce|reduces|risk of|lower|lowers)\s+${WORD}?cancer\b`,
    },
  ],

  progressive_numbness_or_weakness: [
    {
      note: 'leg / foot getting weaker or more numb (not in an exercise)',
      re: pat`\b(?:getting|keeps? getting|kept getting|growing|becoming|increasingly|progressively|steadily|gradually|more and more)\s+(?:(?:even|much|a lot|a bit|slightly|progressively|more and more|and)\s+)?(?:weaker|number|more numb|more tingly|more weak|more dead|heavier and weaker)\b|\b(?:increasingly|progressively|steadily|gradually|more and more)\s+(?:numb|weak|tingly|dead)\b`,
      negatable: true,
      also: [cue`\b(?:legs?|foot|feet|toes?|thigh|calf|shin|knee|ankle)\b`],
      unless: EXERCISE_ANY,
    },
    {
      note: 'numbness / tingling / pins and needles / weakness getting worse or spreading',
      re: pat`\b(?:numbness|tingling|pins and needles|weakness|numb patch|numb area|numb feeling|numb bit|dead feeling)\b${GAP}{0,4}?\s+(?:(?:is|are|has|have|keeps?|seems)\s+)?(?:(?:getting|got|gets|grown|growing)\s+${WORD}?(?:worse|bigger|stronger|more (?:widespread|intense|frequent|noticeable))|spreading|has spread|spreads|spread (?:down|up|to|into)|worsening|progressing|creeping)\b`,
      negatable: true,
      unless: EXERCISE_DURING,
    },
    {
      note: 'foot drop, dragging the leg, foot slapping, toes catching, cannot lift the foot',
      re: pat`\bfoot drop\b|\bdropped foot\b|\bfoot\s+(?:keeps\s+|is\s+|has started\s+|started\s+)?(?:dropping|dragging|slapping|flopping)\b|\b(?:dragging|drag) (?:my|the) (?:leg|foot)\b|\bcannot (?:lift|raise|pull up|point|flex) (?:up )?(?:my|the) (?:foot|toes)\b|\btoes? (?:keep |keeps |are |is )?catch(?:ing|es)?\b|\btrip(?:ping)? over my (?:own )?(?:foot|toes)\b`,
      negatable: true,
    },
    {
      note: 'losing strength / feeling in the leg or foot',
      re: pat`\blosing (?:the |all )?(?:strength|feeling|sensation|power|control) (?:in|of) (?:my |the )?(?:left |right )?(?:leg|foot|thigh|calf|toes|ankle)\b`,
      negatable: true,
      unless: EXERCISE_ANY,
    },
  ],

  long_term_steroids: [
    {
      note: 'steroid tablets by name (prednisolone, prednisone, dexamethasone...) or "oral / long-term steroids" (not inhalers, creams, injections, anabolic; not a course of days or weeks)',
      re: pat`\b(?:predni[sz]\w*|pred|dexa?methasone|methylpred\w*|medrol|hydrocortisone tablets?|deflazacort|oral (?:cortico)?steroids?|(?:cortico)?steroid (?:tablets?|pills?)|long ?term (?:cortico)?steroids?|(?:cortico)?steroids? long ?term)\b`,
      negatable: true,
      selfOnly: true,
      unless: cue`\b(?:inhal\w*|puffer|creams?|ointment|gel|injections?|injected|jab|shot|nasal|nose spray|eye ?drops|ear ?drops|anabolic|testosterone|trt|sarms?)\b|\bfor (?:a |one |two |three |four |five |six |seven |eight |ten |\d{1,2} |a few |a couple of |few )?(?:days?|weeks?)\b|\bshort course\b|\b\d+ (?:days?|weeks?) course\b`,
    },
    {
      note: 'on / taking / been on steroids (not inhalers, creams, injections, anabolic; not short courses)',
      re: pat`\b(?:on|taking|taken|took|take|using|used|have had|prescribed)\s+${WORD}?(?:cortico)?steroids?\b(?!\s+(?:injections?|jabs?|shots?|creams?|inhalers?|sprays?))`,
      negatable: true,
      selfOnly: true,
      unless: cue`\b(?:inhal\w*|puffer|creams?|ointment|gel|injections?|injected|jab|shot|nasal|nose spray|eye ?drops|ear ?drops|anabolic|testosterone|trt|sarms?|roids|juice|gym bros?)\b|\bfor (?:a |one |two |three |four |five |six |seven |eight |ten |\d{1,2} |a few |a couple of |few )?(?:days?|weeks?)\b|\bshort course\b|\b\d+ (?:days?|weeks?) course\b|\b(?:should|could|would|can|will|do) i\b`,
    },
  ],

  stress_fracture_signs: [
    {
      note: 'hurts / painful / cannot hop (not hip hop, not "hop on the bike")',
      re: pat`\b(?:hurts?|hurting|painful|pain|sore|agony|cannot|could not|unable to|not able to|struggle to|difficult to|hard to|sharp)\b${GAP}{0,3}?\s+(?:to\s+|when\s+(?:i\s+)?|on\s+|if\s+(?:i\s+)?|while\s+)?(?<!hip )hop(?:s|ping)?\b(?!\s+(?:on|in|into|onto|off)\s+(?:the|my|a)\s+(?:bike|car|bus|train|call|treadmill|scales?))`,
      negatable: true,
    },
    {
      note: 'hopping hurts / is painful',
      re: pat`(?<!hip )\bhop(?:s|ping)?\b${GAP}{0,4}?\s+(?:hurts?|is painful|is sore|is agony|causes pain|gives me pain|kills|sharp pain|pain|painful)\b`,
      negatable: true,
      unless: cue`\bwithout (?:any )?(?:pain|hurting)\b|\bpain ?free\b|\bno pain\b`,
    },
    {
      note: 'training jump (upped mileage, marathon plan...) + pain in hip / groin / thigh in the text',
      re: pat`\b(?:upped|increased|increasing|ramped up|ramping up|doubled|tripled|bumped up|added|more|extra|higher|big jump in|jump in|spike in|increase in|stepped up)\s+${WORD}{0,2}?(?:mileage|miles|kms?|kilometres|kilometers|distance|running|runs|training load|training volume|volume|speed ?work|sprints?|intervals|jumping|plyometrics?|plyos)\b|\b(?:training for (?:a |my |the )?(?:marathon|half marathon|half|ultra|10k|race)|marathon training|couch to 5k|c25k|started (?:running|a running plan|a marathon plan|marathon training))\b`,
      also: [cue`\b(?:groin|hips?|thigh|pelvis|pubic|pubis)\b`, cue`\b${PAIN}\b`],
      unless: cue`\b(?:should|can|could|would|is it (?:ok|safe|fine)) (?:i|to)\b[^.!?]*\?`,
    },
    {
      note: 'pain building with every run / jump / mile',
      re: pat`\b(?:worse|more|building|builds?|comes on (?:sooner|earlier|quicker|faster))\b${GAP}{0,2}?\s+(?:with|after|on|during|in)\s+(?:every|each)\s+(?:single\s+)?(?:run|jog|mile|km|race|jump|landing|step|sprint|training run)\b|\bcomes on (?:earlier|sooner) (?:in|on|during) (?:each|every|my) runs?\b`,
    },
    {
      note: 'stress fracture / stress reaction / bone stress (not ruled out)',
      re: pat`\bstress (?:fracture|reaction|response)s?\b|\bbone stress\b`,
      negatable: true,
      unless: cue`\bruled out\b|\bexcluded\b`,
    },
  ],

  groin_lump_or_abdominal_symptoms: [
    {
      note: 'lump / bulge / swelling / pulsing in or near the groin, crease, inner thigh, testicle; lump or mass in the tummy',
      re: pat`\b(?:lumps?|lumpy|bulges?|bulging|bumps?|mass|swelling|swollen (?:glands?|lymph nodes?)|lymph nodes?|glands?|pulsing|pulsating|pulsatile|throbbing lump)\b[^.!?]{0,25}?\b(?:in|on|near|around|at|by|under|above|next to)\s+(?:my\s+|the\s+)?(?:left\s+|right\s+|lower\s+)?(?:groin|(?:hip\s+)?crease|inner thigh|top of (?:my )?(?:inner )?thigh|bikini line|pubic (?:area|bone)|testicles?|scrotum)\b|\b(?:lumps?|mass|pulsing|pulsating|pulsatile)\b[^.!?]{0,20}?\b(?:in|on|near|around)\s+(?:my\s+|the\s+)?(?:lower\s+)?(?:tummy|belly|abdomen|stomach)\b`,
      negatable: true,
    },
    {
      note: 'groin / crease / inner thigh lump, bulge or swelling (word order reversed)',
      re: pat`\b(?:groin|hip crease|inner thigh|bikini line|testicles?|scrotum)\b${GAP}{0,3}?\s+(?:lumps?|bulges?|bulging|bumps?|mass|is swollen|swelling|swollen|pulses|pulsing|pulsating|throbbing lump|hernia)\b`,
      negatable: true,
    },
    {
      note: 'hernia (incl. sports hernia)',
      re: pat`\bhernia\w*\b`,
      negatable: true,
    },
    {
      note: 'swollen, painful or lumpy testicle',
      re: pat`\b(?:swollen|swelling|enlarged|lumps?|lumpy|pain\w*|ache|aching|hurts?|sore|tender)\s+${WORD}{0,3}?(?:testic\w+|testes|scrot\w+)\b|\b(?:testic\w+|testes|scrot\w+)\b${GAP}{0,3}?\s+(?:swollen|swelling|enlarged|lumps?|pain\w*|ache|aching|hurts?|sore|tender|bigger)\b|\b(?:one|a|my|left|right) balls? (?:is|are|feels?|looks?) (?:\w+ )?(?:swollen|bigger|enlarged|painful|sore|lumpy)\b`,
      negatable: true,
    },
    {
      note: 'blood in urine / pee is red, pink, brown / haematuria',
      re: pat`\bblood\b[^.!?]{0,20}?\b(?:in|when|after)\s+(?:i\s+)?(?:my\s+|the\s+)?(?:urine|pee|wee|piss|peeing|urinat\w*|weeing|toilet)\b|\b(?:urine|pee|wee)\s+(?:is|was|looks?|has been|went|has gone|turned)?\s*${WORD}?(?:bloody|red|pink|brown|cola coloured|dark red|blood stained|bloodstained)\b|\bbloody (?:urine|pee|wee)\b|\bha?ematuria\b|\b(?:peeing|weeing|urinating|pissing|passing) blood\b`,
      negatable: true,
    },
    {
      note: 'tummy / stomach / abdominal pain (not lying on my stomach; not sore abs)',
      re: pat`\b(?:abdominal|tummy|stomach|belly|abdomen)\s+(?:pain|pains|ache|aches|aching|cramps?|cramping|hurts?|is (?:painful|sore|tender|hurting|killing me))\b|\b(?:pain|pains|ache|cramps?)\s+(?:in|around|across|low in)\s+(?:my\s+|the\s+)?(?:lower\s+|upper\s+|left\s+|right\s+)?(?:abdomen|tummy|stomach|belly)\b`,
      negatable: true,
      notAfter: ON_MY,
    },
  ],

  childhood_hip_condition_or_surgery: [
    {
      note: 'named childhood hip conditions: Perthes, dysplasia / DDH, slipped growth plate (SUFE/SCFE), clicky hips, Pavlik harness, irritable hip',
      re: pat`\b(?:perthe'?s'?|legg calv[eé]\w*|d[yi]spla[sz]\w*|ddh|developmental dysplasia|congenital (?:hip|dislocation)|clicky hips?|pavlik|hip spica|(?:slipped|slipping) (?:upper |capital )?(?:femoral )?(?:capital )?(?:femoral )?(?:epiphysis|growth plate)|slipped hip|scfe|sufe|irritable hip|transient synovitis)\b`,
      negatable: true,
    },
    {
      note: 'had / after / since hip surgery, replacement, arthroscopy, PAO, labral repair (not a future or hoped-for operation)',
      re: pat`\b(?:had|have had|underwent|gone through|went through|after|since|following|recovering from|recovery from|post|when i had)\s+(?:(?:a|an|my|the|two|2|both|bilateral|left|right|total)\s+)*(?:hip\s+(?:surgery|surgeries|operation|op|ops|arthroscopy|scope|replacement|resurfacing|osteotomy|pinning|repair|reconstruction|revision)|thr|pao|periacetabular osteotomy|femoral osteotomy|labral (?:repair|reconstruction|debridement|surgery)|labrum (?:repair|surgery)|fai surgery|cam (?:resection|surgery)|osteoplasty|femoroplasty|arthroscopic (?:surgery|hip))\b`,
      selfOnly: true,
      negatable: true,
      unless: cue`\b(?:how long|can (?:you|people|someone)|do people|does anyone|what happens|is it normal)\b[^.!?]*\?`,
    },
    {
      note: 'my hip replacement / my replaced, new, artificial hip / my PAO (not "my hip surgery is next week")',
      re: pat`\bmy\s+(?:left\s+|right\s+|new\s+|replaced\s+|operated\s+|artificial\s+|metal\s+|prosthetic\s+)?(?:hip replacement|hip op|hip operation|hip surgery|hip arthroscopy|hip scope|pao|thr|replaced hip|operated hip|new hip|artificial hip|prosthetic hip|metal hip|hip prosthesis|hip implant)\b(?!\s+(?:exercises?|routine|plan|program|programme|stretch\w*|workout|drills?|mobility|session|will|got cancelled|was cancelled|appointment|date|consult\w*|referral|waiting list|is (?:on|in|booked|scheduled|planned|coming|next|soon|due|not|tomorrow)))`,
      negatable: true,
    },
    {
      note: 'had my hip replaced / scoped / operated on / pinned; hip was replaced',
      re: pat`\bhad (?:my |both |the )?(?:left |right )?hips? (?:replaced|operated on|scoped|pinned|resurfaced|reconstructed|repaired|done|fixed|cleaned out|shaved)\b|\bhips? (?:was|were|has been|have been|got|had been)\s+${WORD}?(?:replaced|operated on|scoped|pinned|resurfaced|reconstructed|repaired surgically)\b`,
      selfOnly: true,
      negatable: true,
    },
    {
      note: 'past operation / surgery / op (unspecified, so probably the hip) unless another body part is named',
      re: pat`\b(?:i had|i have had|had|underwent|since my|after my|following my|recovering from (?:my|the|an?)|recovering from)\s+(?:an?\s+|my\s+|the\s+)?(?:surgery|operation|op|arthroscopy|scope)\b|\b(?:i am|weeks|months|days)\s+${WORD}?post ?(?:op|operative|surgery|surgical)\b`,
      selfOnly: true,
      negatable: true,
      unless: cue`\b(?:knee|back|spine|spinal|disc|shoulder|ankle|foot|feet|wrist|hand|elbow|neck|acl|mcl|meniscus|achilles|heart|bypass|appendix|appendectomy|gall\w*|hysterectomy|c section|caesarean|cesarean|eye|cataract|tonsils?|teeth|tooth|dental|wisdom|nose|breast|bowel|hernia|stomach|gastric|bariatric|bunion|carpal|thyroid|bladder|prostate|cancer|mastectomy|lumpectomy)\b`,
    },
    {
      note: 'hip problem / brace / surgery as a child, born with bad hips',
      re: pat`\bhips?\s+${WORD}?(?:problems?|condition|issues?|disease|trouble|disorder|surgery|operation|brace|harness|cast|splint|dislocation)\b[^.!?]{0,30}?\b(?:as a (?:kid|child|baby|toddler|teen|teenager|boy|girl|youngster|newborn)|when i was (?:a |an )?(?:kid|child|baby|toddler|teen|teenager|little|young|small|boy|girl|infant|younger|[1-9]|1[0-7])|in childhood|at birth|since birth|since childhood|growing up)\b|\b(?:as a (?:kid|child|baby|toddler|teen|teenager|boy|girl|youngster)|when i was (?:a |an )?(?:kid|child|baby|toddler|teenager|little|young|small|infant)|in childhood|at birth|growing up)\b[^.!?]{0,30}?\bhips?\s+${WORD}?(?:problems?|condition|issues?|disease|trouble|disorder|surgery|operation|brace|harness|cast|splint|dislocat\w*|displac\w*)\b|\bborn with (?:a |bad |dodgy |dislocated |clicky |unstable |shallow )?(?:hips?|hip sockets?)\b`,
      negatable: true,
    },
    {
      note: 'broke / fractured the hip, pelvis or femur before (almost always operated on)',
      re: pat`\b(?:broke|broken|fractured|cracked)\s+(?:my\s+)?(?:hip|pelvis|femur|neck of femur|thigh bone)\b|\b(?:hip|pelvic|pelvis|femoral|femur|neck of femur)\s+fractures?\b`,
      selfOnly: true,
      negatable: true,
      // A fracture suspected today ("I think I've broken my hip") is the trauma flag, not history.
      unless: cue`\bstress fractures?\b|\b(?:risk|chance|odds|prevent\w*|avoid\w*) (?:of )?(?:a )?(?:hip|pelvic|femoral) fractures?\b|${SUSPECTED_NOW.source}`,
    },
  ],

  under_18: [
    {
      note: '"I\'m 16" / "I am 15 years old" (not "I\'m 16 weeks in", "I\'m 45", "I\'m 7/10")',
      re: pat`\bi am (?:only |just |nearly |almost |still |currently |now )?${AGE_U18}\b${AGE_END}`,
    },
    {
      note: '"my 15 year old son", "a 16yo" (not "when I was 15 years old"; not "carrying my 2 year old")',
      re: pat`\b${AGE_U18_WORDS}\s*(?:years?|yrs?|yr)\s*old\b(?!\s+(?:dogs?|cats?|pupp(?:y|ies)|horses?|pony|car|bike|house|mattress|sofa|shoes|trainers|injury|injuries|hip|knee|replacement|scar|tear|tattoo|laptop|phone|problem|pain))|\b${AGE_U18}\s*(?:yo|y\/o|y\.o\.?)(?=\s|[,.!?;)]|$)`,
      notAfter: cue`\b(?:was|were|when|since|from|at|until|till|before|by|ago|age of)\s+(?:about\s+|around\s+|only\s+|just\s+)?$`,
      unless: cue`\b(?:carry|carrying|carried|lift|lifting|lifted|pick up|picking up|picked up|chasing|chase|running after|look after|looking after|keeps? me (?:up|awake)|wakes me|holding|pushing (?:a|the) (?:pram|buggy|stroller))\b`,
    },
    {
      note: '"aged 15", "age 14" (not "at age 7", "since age 12")',
      re: pat`\b(?:age|aged)\s+${AGE_U18}\b(?!\s*(?:years?|yrs?|weeks?|months?|days?)\s+ago)`,
      notAfter: cue`\b(?:at|since|from|until|till|before|by|when|of)\s+(?:the\s+)?$`,
    },
    {
      note: '"my son is 15", "she\'s 14", "he just turned 16"',
      re: pat`\b(?:son|daughter|child|kid|boy|girl|teen|teenager|grandson|granddaughter|nephew|niece|he|she)\s+(?:who\s+)?(?:is|just turned|turned|has just turned|will be|is only|is just)\s+(?:only\s+|just\s+|nearly\s+|almost\s+)?${AGE_U18}\b${AGE_END}`,
    },
    {
      note: 'under 18, a minor, a teenager, at school (not "when I was a teenager")',
      re: pat`\b(?:i am|am i|i am still|if you are|for)\s+under\s+(?:18|eighteen)\b|\bu18\b|\bi am (?:a |still a |only a )?(?:minor|teen|teenager|kid|schoolboy|schoolgirl|school kid)\b|\bi am (?:still )?(?:in|at) (?:high school|secondary school|middle school|junior high|sixth form|school\b(?! (?:run|gate|pickup|pick up|drop off))|year (?:[7-9]|1[0-3])\b|grade (?:[1-9]|1[0-2])\b)|\b(?:teenage|teen)\s+(?:son|daughter|boy|girl|kid|child|athlete|player|runner|footballer|gymnast|dancer)\b|\bmy (?:teen|teenager)\b|\bi (?:just )?turned ${AGE_U18}\b${AGE_END}`,
    },
  ],

  rapidly_worsening: [
    {
      note: 'getting worse every day / by the day / fast / over the last few days / this week (not "my squat is getting worse")',
      re: pat`\b(?:getting|gets|got|gotten|grown|growing|become|becoming|is|been|going|gone|feels|feeling)\s+(?:(?:much|a lot|so much|way|even|really|noticeably|steadily|progressively|far)\s+)?worse\s+(?:and worse\s+)?(?:(?:every|each|by the|day by|by)\s+(?:single\s+)?(?:day|hour|week)|daily|fast|quickly|rapidly|so fast|so quickly|really fast|really quickly|very fast|very quickly|(?:over|in|within)\s+(?:the\s+)?(?:last\s+|past\s+)?(?:few\s+|couple of\s+|two\s+|2\s+|three\s+|3\s+|several\s+|a\s+)?days?|(?:over|in|within)\s+(?:the\s+)?(?:(?:last|past)\s+)?(?:few|couple of|two|2|three|3|a)\s+weeks?|(?:over|in|within)\s+(?:the\s+)?(?:last|past)\s+weeks?|this week|since (?:yesterday|last week|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend))\b`,
      negatable: true,
      notAfter: NOT_SYMPTOM_SUBJECT,
    },
    {
      note: 'worse every day / each day / by the day (any wording)',
      re: pat`\bworse\s+(?:every|each|by the)\s+(?:single\s+)?(?:day|hour)\b|\b(?:every|each)\s+(?:single\s+)?day\s+(?:it|the pain|my hip|the stiffness|the ache)\s+(?:is|gets|feels|seems)\s+${WORD}?worse\b|\bday by day\b[^.!?]{0,20}?\bworse\b`,
      negatable: true,
    },
    {
      note: 'worse and worse / keeps getting worse',
      re: pat`\bworse\s+and\s+worse\b|\b(?:keeps|keep|kept|keeps on|is still)\s+getting\s+worse\b`,
      negatable: true,
    },
    {
      note: 'rapidly / quickly worse or deteriorating ("suddenly much worse" is a flare-up, which goes up and down)',
      re: pat`\b(?:rapidly|quickly|fast|very quickly)\s+(?:got\s+|getting\s+|gotten\s+|become\s+|became\s+)?(?:(?:much|a lot|way|far|so much)\s+)?(?:worse|worsening|deteriorat\w*)\b|\b(?:rapid|quick|fast)\s+(?:worsening|deterioration|decline)\b|\bdeteriorat\w*\s+(?:fast|quickly|rapidly|every day|daily|by the day)\b`,
      negatable: true,
    },
  ],

  chest_pain_or_dizziness_on_exertion: [
    {
      note: 'chest pain / tightness / pressure / heaviness; pain in the chest; tight chest; angina (mine, not my dad\'s)',
      re: pat`\bchest\s+(?:pain|pains|tightness|pressure|discomfort|heaviness|hurts?|hurting|squeezing|goes tight|gets tight|feels heavy|feels crushed)\b|\b(?:pain|pains|tightness|pressure|heaviness|discomfort|squeezing|crushing|tight feeling)\s+(?:in|across|on|around)\s+(?:my|the)\s+chest\b|\btight chest\b|\bangina\b`,
      notAfter: TO_CHEST,
      negatable: true,
      selfOnly: true,
    },
    {
      note: 'chest is tight / sore / aching (not from push-ups or a chest stretch)',
      re: pat`\bchest\s+(?:is|feels|felt|was|gets|went)\s+${WORD}?(?:tight|sore|aching|achy|heavy|painful)\b|\bchest ache\b`,
      notAfter: TO_CHEST,
      negatable: true,
      selfOnly: true,
      unless: cue`${EXERCISE_DURING.source}|\b(?:from|after|since)\s+(?:the\s+|my\s+|doing\s+)?(?:push ?ups?|press ?ups?|bench\w*|chest day|workout|gym|lifting|flies|flyes|dips|stretch\w*|training)\b`,
    },
    {
      note: 'dizzy, light-headed, faint(ed), passed / blacked out, vertigo, room spinning',
      re: pat`\b(?:dizzy|dizziness|dizzyness|light ?headed(?:ness)?|woozy|giddy|vertigo|(?:feel|felt|feeling|feels|go|goes|went|going|get|got|gets|getting|nearly|almost) faint|faint(?:ed|ing)|fainting (?:spells?|episodes?)|pass(?:ed|ing|es)? out|black(?:ed|ing|s)? out|blackouts?|(?:room|world|everything) (?:is |was |starts |started |goes |went |keeps )?(?:spinning|spins|spun)|head (?:is |was |starts |started |goes |went |keeps )?spinning(?! with))\b`,
      negatable: true,
      selfOnly: true,
      unless: cue`\b(?:dizzy|giddy|faint) with (?:excitement|joy|happiness|delight|relief|laughter)\b`,
    },
  ],

  pregnancy_not_cleared: [
    {
      note: 'pregnant / pregnancy / trimester / expecting a baby (mine; not "not pregnant", "trying to get pregnant", "years ago")',
      re: pat`\b(?:pregnant|pregnancy|pregnancies|preggers|preggo|preggy|pregant|pregnent|prenatal|antenatal|ante natal|trimester|expecting (?:a baby|twins|our|my|a little)|with child|baby bump|my bump|weeks? gestation|gestational)\b`,
      negatable: true,
      selfOnly: 'incl-she',
      unless: cue`\b(?:trying|try|tried|plan|planning|planned|hope|hoping|want|wanting|wanted|wish)\s+${WORD}{0,2}?(?:to get |to be |to fall |for a |for )?(?:pregnant|baby|a baby|pregnancy)\b|\bpregnancy test (?:was |is |came back |came up )?negative\b|\bno longer pregnant\b|${LONG_AGO}|\bwhen i was (?:young|younger|\d+)`,
    },
    {
      note: 'recently gave birth: had a baby, gave birth, postpartum / postnatal, C-section, newborn (not years ago)',
      re: pat`\b(?:gave birth|given birth|giving birth|had (?:a |my |our |the )?(?:baby|babies|twins|little one)(?:\s+(?:boy|girl))?|delivered (?:my|our|a|the) (?:baby|son|daughter|twins)|(?:since|after) (?:the |my )?(?:birth|delivery|labour|labor)|post ?partum|post ?natal|(?:after|since) (?:having|the birth of) (?:my|a|our|the) (?:baby|son|daughter|twins|little one|child)|new ?born|new baby|c section|caesarean|cesarean|emergency section)\b|\b(?:\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:days?|weeks?|months?|wk|wks)\s*old\s+(?:baby|babies|son|daughter|twins|boy|girl|little one)\b|\b(?:baby|son|daughter|twins|little one)\s+(?:was|were)\s+born\s+${WORD}{0,2}?(?:(?:\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|couple of)\s+(?:days?|weeks?|months?)\s+ago|last (?:week|month)|yesterday|recently)\b|\bhad (?:my|our|a) (?:son|daughter|boy|girl)${GAP}?\s+(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|couple of)\s+(?:days?|weeks?|months?)\s+ago\b`,
      negatable: true,
      selfOnly: 'incl-she',
      unless: cue`${LONG_AGO}|\bwhen i was (?:young|younger|\d+)|\b(?:[2-9]|1\d) years? old\b|\b(?:kids|children) are (?:grown|older|teenagers|adults)\b`,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Normalisation.

/** Contractions and spellings folded before matching. Order matters. */
const REWRITES: readonly (readonly [RegExp, string])[] = [
  [/\bw\/o\b/g, 'without'],
  [/\bw\/(?=\s|[a-z])/g, 'with '],
  [/&/g, ' and '],
  [/\b(?:can ?'?t|cannot|can not|carn'?t|cnt|cannt|canot|kant)\b/g, 'cannot'],
  // Common misspellings of words the patterns rely on.
  [/\b(?:wieght|weigth|waight|wiegth)\b/g, 'weight'],
  [/\b(?:temprature|temperture|tempreture|tempature|temperatur)\b/g, 'temperature'],
  [/\bswol+[oe]n\b/g, 'swollen'],
  [/\bdiz+[iy]+ness\b/g, 'dizziness'],
  [/\bdizy\b/g, 'dizzy'],
  [/\b(?:feaver|fevor|fevar)\b/g, 'fever'],
  [/\bnum+b?ness\b/g, 'numbness'],
  [/\burin\b/g, 'urine'],
  [/\bincont[ie]n[ae]n(t|ce)\b/g, 'incontinen$1'],
  [/\btumm?er\b/g, 'tumour'],
  [/\bgeting\b/g, 'getting'],
  [/\bcould ?n'?t\b/g, 'could not'],
  [/\bwo ?n'?t\b/g, 'will not'],
  [/\b(do|does|did|is|are|was|were|has|have|had|would|should|must|need|might)n'?t\b/g, '$1 not'],
  [/\bi ?'?m\b/g, 'i am'],
  [/\bi ?'?ve\b/g, 'i have'],
  [/\bi'll\b/g, 'i will'],
  [/\b(it|that|there|what|he|she|who|here)'s\b/g, '$1 is'],
  [/\b(that|there|what)s\b/g, '$1 is'],
  // "its getting worse", "its constant": the possessive "its" never comes before these words.
  [/\bits (?=(?:getting|gotten|got|been|constant|always|never|not|so|really|very|worse|just|still|too|quite|pretty|painful|sore|killing|hurting|aching|throbbing|swollen|hot|red|numb|cold|like)\b)/g, 'it is '],
  // "foot's gone white", "son's 15": the 's is "is"/"has" before these words.
  [/'s (?=(?:gone|got|been|getting|going|turned|turning|started|become|becoming|swollen|numb|cold|pale|white|blue|hot|red|killing|worse|constant|always|never|still|really|very|so|just|not|now|only|nearly|almost|\d))/g, ' is '],
  [/'re\b/g, ' are'],
  [/'ve\b/g, ' have'],
  [/'ll\b/g, ' will'],
];

/**
 * Lower case, straight quotes, hyphens between words as spaces ("15-year-old"), line breaks as
 * sentence ends, contractions expanded ("can't/cant/cannot/can not" -> "cannot", "I'm" -> "i am",
 * "doesn't" -> "does not"), whitespace collapsed.
 */
export function normaliseText(text: string): string {
  let t = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4\u02BC`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\r\n]+/g, ' . ')
    .replace(/(?<=[a-z0-9])-(?=[a-z0-9])/g, ' ')
    .replace(/\s+/g, ' ');
  for (const [re, replacement] of REWRITES) t = t.replace(re, replacement);
  return t.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// Matching.

/** A negation just before the keyword in the same clause: "no fever", "never had cancer". */
const NEGATED = /\b(?:no|not|never|without|nor|neither|none|nothing|zero|denies|deny|negative for|free of|ruled out)\b(?!\s+(?:sure|certain|know|knowing|knew|idea|100|only|just|quite sure|too sure|able|yet sure|thought|expected|imagined|realised|realized|noticed|heard|mind))(?:\s+[\w'/]+,?){0,4}\s*$/;
/** Where a clause starts for the negation check. */
const CLAUSE_BREAK = /^.*(?:\b(?:but|however|although|though|whereas|except|apart from|yet)\b|\band (?=(?:i|my|now|then|since|it|the|there|also)\b))/s;
/** Someone else's: "my mum had cancer", "my wife is pregnant". No I/me/my between them and the keyword. */
const OTHER_PERSON_NOUNS = String.raw`(?:mum|mom|mother|mam|mummy|dad|father|daddy|sister|brother|wife|husband|partner|girlfriend|boyfriend|fianc[eé]e?|friends?|mate|colleague|coworker|co worker|boss|aunt|auntie|aunty|uncle|gran|granny|grandma|grandmother|grandad|granddad|grandfather|grandpa|nan|nana|nanna|cousin|niece|nephew|neighbou?r|family|relatives?|dog|cat|client|patient|sister in law|mother in law)`;
const NOT_MINE_TAIL = String.raw`(?:(?!\b(?:i|me|my|myself|mine)\b)[^.!?;])*$`;
const OTHER_PERSON = new RegExp(String.raw`\b${OTHER_PERSON_NOUNS}(?:'s)?\b${NOT_MINE_TAIL}`);
const OTHER_PERSON_SHE = new RegExp(String.raw`\b(?:${OTHER_PERSON_NOUNS}(?:'s)?|she|her)\b${NOT_MINE_TAIL}`);

/** The sentence around [start, end), clipped to [min, max). */
function sentenceBounds(text: string, min: number, start: number, end: number, max: number): [number, number] {
  let from = start;
  while (from > min && !isSentenceEnd(text, from - 1)) from--;
  let to = end;
  while (to < max && !isSentenceEnd(text, to)) to++;
  return [from, to];
}

function isSentenceEnd(text: string, i: number): boolean {
  const c = text[i];
  if (c === '!' || c === '?' || c === ';') return true;
  // "38.5" is a number, not a sentence end.
  return c === '.' && !/\d/.test(text[i + 1] ?? '');
}

/** How far a veto looks around a match (characters). Keeps every check linear in the text. */
const CONTEXT_CHARS = 160;
const NEGATION_CHARS = 60;

function accepted(rule: Rule, text: string, start: number, end: number): boolean {
  if (!rule.unless && !rule.notAfter && rule.negatable !== true && rule.selfOnly === undefined) return true;
  const [from, to] = sentenceBounds(text, Math.max(0, start - CONTEXT_CHARS), start, end, Math.min(text.length, end + CONTEXT_CHARS));
  const before = text.slice(from, start);
  if (rule.unless?.test(text.slice(from, to))) return false;
  if (rule.notAfter?.test(before)) return false;
  if (rule.negatable === true) {
    const clause = before.slice(-NEGATION_CHARS).replace(CLAUSE_BREAK, '');
    if (NEGATED.test(clause)) return false;
  }
  if (rule.selfOnly !== undefined && rule.selfOnly !== false) {
    const other = rule.selfOnly === 'incl-she' ? OTHER_PERSON_SHE : OTHER_PERSON;
    if (other.test(before)) return false;
  }
  return true;
}

function firstMatch(rules: readonly Rule[], text: string): string | null {
  for (const rule of rules) {
    if (rule.also && !rule.also.every((re) => re.test(text))) continue;
    for (const m of text.matchAll(rule.re)) {
      if (accepted(rule, text, m.index, m.index + m[0].length)) return m[0].trim();
    }
  }
  return null;
}

/** Every flag whose wording appears in the text, in spec order, with the snippet that matched. */
export function describeMatches(text: string): RedFlagMatch[] {
  const t = normaliseText(text);
  if (t === '') return [];
  const out: RedFlagMatch[] = [];
  for (const id of RED_FLAG_IDS) {
    const phrase = firstMatch(RULES[id] ?? [], t);
    if (phrase !== null) out.push({ id, phrase });
  }
  return out;
}

/** Red-flag ids described in free text, in spec order, without duplicates. Pure and deterministic. */
export function detectRedFlagsInText(text: string): RedFlagId[] {
  return describeMatches(text).map((m) => m.id);
}

/**
 * The pattern table as plain data (note and regex source per rule), for tests and documentation.
 * The live RegExp objects stay private: a caller running `.test` on a global regex would move its
 * `lastIndex` and make the detector skip text.
 */
export const RED_FLAG_TEXT_RULES: Readonly<Record<RedFlagId, readonly { readonly note: string; readonly pattern: string }[]>> =
  Object.fromEntries(
    RED_FLAG_IDS.map((id) => [id, (RULES[id] ?? []).map((r) => Object.freeze({ note: r.note, pattern: r.re.source }))]),
  ) as Record<RedFlagId, { note: string; pattern: string }[]>;
