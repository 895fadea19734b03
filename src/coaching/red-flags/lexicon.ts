/**
 * The red-flag lexicon: everyday words, slang, euphemisms, abbreviations and common misspellings,
 * each mapped to one concept. Rules (rules.ts) are combinations of these concepts; the engine
 * (engine.ts) finds them in text normalised by `normaliseText`. Entries are regular-expression
 * fragments matched on whole words of lower-case text with contractions expanded ("cannot",
 * "i am", "does not"). Reviewers: add a word here, not a new rule, when people say the same thing
 * another way.
 */

const LEXICON_DATA = {
  // --- people and ages -------------------------------------------------------------------------
  AGE_60_PLUS: [
    String.raw`(?:6\d|7\d|8\d|9\d|sixty|seventy|eighty|ninety)(?:\s*(?:years?|yrs?|yr|y o|yo)(?:\s*old)?)?(?=\s+(?:and|but|so|with|now|,|\.|year|yr|yo|y o|female|male|woman|man|lady|guy|f|m)\b|\s*$|\s*[.,!?])`,
    String.raw`in my (?:sixties|seventies|eighties|nineties|60s|70s|80s|90s)`,
    String.raw`(?:pensioner|oap|retiree|elderly|old age pensioner|senior citizen)`,
    String.raw`(?:mum|mom|mother|dad|father|gran|granny|grandma|grandmother|nan|nana|nanna|grandad|granddad|grandpa|grandfather|grandparent|nonna|elderly (?:neighbou?r|relative|parent))`,
  ],
  THIN_BONES: [String.raw`(?:osteoporosis|osteoporotic|osteopenia|thin bones|brittle bones|low bone density|bone density is low|weak bones)`],
  UNDER_18_WORD: [
    String.raw`(?:teen|teenager|teenage|adolescent|minor)`,
    String.raw`(?:in )?(?:year|yr|grade) (?:[5-9]|1[0-3]|five|six|seven|eight|nine|ten|eleven|twelve)`,
    String.raw`(?:secondary|high|middle|primary) school(?:er)?`,
    String.raw`(?:gcses?|doing (?:my )?a levels|sixth form)`,
  ],
  AGE_UNDER_18: [
    String.raw`(?:[5-9]|1[0-7]|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\s*(?:(?:years?|yrs?|yr)\s*old|yo|y o|y\/o)(?! (?:dog|cat|puppy|pony|horse|car|house|mattress|sofa|bike|laptop|phone|trainers|shoes|injury|scar|fracture))`,
    String.raw`(?:aged|age|who is) (?:[5-9]|1[0-7])`,
    String.raw`(?:son|daughter|kid|child|boy|girl|teen)s?,? (?:is |aged )?(?:[5-9]|1[0-7])(?!\s*(?:kg|km|k|miles|minutes|mins|reps|percent|%|weeks|months|years|am|pm))`,
  ],
  CHILD: [String.raw`(?:son|daughter|kid|kiddo|child|boy|girl|lad|lass|teen|stepson|stepdaughter|youngest|eldest|little one)s?`],

  // --- injury and weight bearing ---------------------------------------------------------------
  FALL: [String.raw`(?:(?:fell|fallen|fall|falling)(?! (?:behind|asleep|off the (?:wagon|plan)|out of|for|in love|apart|into (?:a |the )?(?:habit|routine)))|had a fall|took a tumble|tumble|tumbled|tripped|slipped|stumbled|went over|went flying|came off|thrown off|knocked (?:over|off|down)|crashed|crash|collision|collided|accident|tackled|landed (?:badly|awkwardly|hard|on)|went down|twisted|twist|rolled my ankle|wiped out|hit by)`],
  CANNOT_BEAR_WEIGHT: [
    String.raw`(?:cannot|could not|will not|would not|unable to|not able to|can barely|can hardly|too painful to|too sore to|impossible to) (?:\w+ ){0,2}?(?:put|bear|take|stand|walk|get up|weight bear|weightbear|move it|move my leg|lift my leg|get off the floor|stand up|step on)`,
    String.raw`(?:non weight bearing|nwb|cannot weight bear|leg gave way and|leg (?:just )?(?:collapsed|buckled) (?:under me|and i cannot))`,
    String.raw`(?:on the floor|on the ground) (?:and )?(?:cannot|could not|unable)`,
    String.raw`(?:stuck|lying) on the (?:floor|ground)`,
  ],
  DEFORMED: [String.raw`(?:deformed|misshapen|out of place|looks wrong|at a (?:weird|funny|strange|odd) angle|(?:leg|foot) (?:\w+ ){0,2}?(?:is|looks|has gone|seems|went) (?:\w+ ){0,3}?(?:shorter|turned out|rotated|twisted|sticking out)|dislocated|popped out of (?:the )?socket|broken (?:hip|leg|femur)|broke my (?:hip|leg|femur)|fractured (?:my )?(?:hip|femur|neck of femur)|snapped my (?:hip|leg|femur))`],
  HIP_OR_GROIN_PAIN: [String.raw`(?:hip|hips|groin|thigh|pelvis|pelvic|bum|buttock|leg)`],

  // --- infection -------------------------------------------------------------------------------
  HOT_JOINT: [String.raw`(?:hot|warm to (?:the )?touch|burning hot|red|reddened|redness|swollen|swelling|puffy|inflamed|angry looking)`],
  FEVER: [String.raw`(?:fever|feverish|febrile|temperature|temp|high temp|(?:38|39|40)(?:\.\d)?\s*(?:c|degrees)?|chills|shivers|shivery|shivering|rigou?rs|sweats and shakes|flu ?like|flu ?ish|really unwell|generally unwell|feel(?:ing)? (?:so |very |really )?(?:unwell|poorly|rough|ill|sick|awful)|burning up|hot and cold|(?:have|got|getting) (?:the )?flu|like (?:i have |i've got )?(?:the )?flu)`],
  JOINT_INFECTION: [String.raw`(?:septic|infected (?:joint|hip)|joint infection|infection in (?:my |the )?(?:hip|joint)|septic arthritis)`],
  RECENT_PROCEDURE: [String.raw`(?:injection|injected|jab|cortisone|steroid shot|shot in|operation|surgery|op|scope|arthroscopy|procedure|drain(?:ed)?|aspirat\w*)`],

  // --- cauda equina ----------------------------------------------------------------------------
  SADDLE_AREA: [String.raw`(?:saddle|between (?:my |the )?legs|inner thighs|down below|down there|privates|private parts|bits|genitals?|genital area|crotch|groin|bum|butt|backside|back passage|anus|rectum|perineum|taint|undercarriage|lady (?:bits|parts)|vagina|vulva|penis|scrotum|when i wipe|wiping)`],
  NUMB: [String.raw`(?:numb|numbness|no feeling|cannot feel|lost (?:the )?feeling|loss of (?:feeling|sensation)|reduced (?:feeling|sensation)|tingl\w*|pins and needles|dead feeling|feels dead|gone dead|went dead|like novocaine|like after the dentist|altered sensation)`],
  INCONTINENCE: [String.raw`(?:wet myself|wet (?:the|my) (?:bed|pants|trousers)|peed myself|pissed myself|wee(?:d)? myself|soiled myself|pooed myself|pooped myself|shat myself|leak\w*|incontinen\w*|lost control of my (?:bladder|bowels?)|(?:cannot|could not) (?:control|hold) (?:my )?(?:bladder|bowels?|pee|wee|urine|poo|it in)|accidents? (?:with|in) my (?:pants|underwear)|bladder (?:problems?|issues?|trouble)|bowel (?:problems?|issues?|trouble))`],
  RETENTION: [String.raw`(?:(?:cannot|could not|unable to|struggl\w* to|trouble|difficulty|hard to|hard time|problems?) (?:\w+ ){0,2}?(?:pee|peeing|wee|weeing|urinat\w*|pass(?:ing)? (?:urine|water)|go for a (?:pee|wee)|start (?:peeing|weeing|the flow)|empty my bladder|poo|pooing|open my bowels)|nothing (?:comes|came) out|retention)`],
  BOTH_LEGS: [String.raw`(?:both (?:legs|my legs|of my legs)|legs are both|two legs)`],
  WEAK: [String.raw`(?:weak|weakness|weaker|give way|giving way|gave way|buckl\w*|like jelly|wobbly|no strength|lost strength|losing strength|heavy and useless|dragging)`],

  // --- circulation -----------------------------------------------------------------------------
  LIMB: [String.raw`(?:leg|legs|foot|feet|toes?|calf|calves|shin|ankle|lower leg)`],
  COLD: [String.raw`(?:cold|icy|ice cold|freezing|chilly|stone cold)`],
  PALE: [String.raw`(?:pale|white|whitish|blue|bluish|purple|grey|gray|mottled|blotchy|waxy|lost (?:its|all) colou?r|no pulse|cannot feel a pulse|pulse (?:has gone|is gone|missing))`],
  SEVERE_PAIN: [String.raw`(?:agony|agonising|excruciating|severe|terrible|awful|unbearable|screaming|worst pain|so much pain|killing me)`],
  SUDDEN: [String.raw`(?:sudden|suddenly|all of a sudden|out of nowhere|out of the blue|came on (?:fast|quickly|in minutes|within minutes)|within minutes|just now|in the last hour|an hour ago|this morning|overnight|woke up with)`],

  // --- clots -----------------------------------------------------------------------------------
  CALF_OR_ONE_LEG: [String.raw`(?:calf|calves|lower leg|one leg|my leg|left leg|right leg|whole leg|back of (?:my |the )?(?:knee|leg))`],
  CLOT_SIGN: [String.raw`(?:swollen|swelling|puffy|bigger than the other|fatter than the other|tight and shiny|hot|warm|red|redness|tender|hard|throbbing|cramp\w*|aching|pain|painful|sore)`],
  CLOT_RISK: [String.raw`(?:stuck in bed|in bed for|flight|flew|long haul|long drive|long journey|long car|plane|travel\w*|after (?:my |the |an )?(?:operation|surgery|op)|post op|after surgery|since (?:my |the )?(?:operation|surgery|op)|bed rest|laid up|bedbound|bed bound|immobile|in a cast|in plaster|in a boot|after (?:giving birth|the birth|having the baby|my c section)|on the pill|contracepti\w*|hrt)`],
  CLOT_WORD: [String.raw`(?:dvt|blood clot|clot|thrombosis|thrombus|pe|pulmonary embolism)`],
  BREATHLESS: [String.raw`(?:short of breath|breathless|cannot catch my breath|struggling to breathe|out of breath at rest)`],

  // --- stroke / acute nerve --------------------------------------------------------------------
  FACE_OR_ARM: [String.raw`(?:face|arm|hand|one side of my body|side of my face|mouth|lip|speech|words)`],
  STROKE_SIGN: [String.raw`(?:droop\w*|slurr\w*|(?:a|having a|mini|had a) stroke|tia|mini stroke|cannot lift my arm|cannot raise my arm|drop\w* things|lopsided)`],

  // --- pain pattern ----------------------------------------------------------------------------
  NIGHT_WAKING: [String.raw`(?:wakes? me|woken|waking me|keeps me (?:up|awake)|up all night|awake all night|cannot sleep|no sleep|barely sleep|sleepless|every night|all night|at night|night pain|nights? are (?:the )?worst)`],
  NOT_SETTLING: [String.raw`(?:nothing (?:helps|eases|works|settles)|does not (?:settle|ease|go|stop|change)|will not (?:settle|ease|go|stop)|no position|any position|whatever position|whatever i do|however i lie|no matter (?:what|how))`],
  CONSTANT: [String.raw`(?:constant|constantly|all the time|24 ?7|24 hours|round the clock|never (?:stops|goes|lets up|eases|settles)|non stop|nonstop|even (?:at|when i) rest|at rest|while resting|when resting|lying still|sitting still|day and night|every minute)`],
  WEIGHT_LOSS: [
    String.raw`(?:lost|losing|lose|dropped|dropping|shed) (?:\w+ ){0,3}?(?:weight|kg|kgs|kilos?|pounds|lbs?|stone|st|a dress size)`,
    String.raw`(?:weight (?:is )?(?:\w+ )?(?:dropping|falling|going down)|clothes (?:are )?(?:hanging|falling) off|wasting away|skin and bone)`,
  ],
  UNINTENDED: [String.raw`(?:without trying|not trying|not dieting|no reason|no idea why|for no reason|unexplained|unintentional\w*|without dieting|eating (?:normally|the same|loads|more)|not on a diet|have not changed (?:my )?diet|out of nowhere)`],
  NIGHT_SWEATS: [String.raw`(?:night sweats|sweat\w* (?:through|thru) (?:my )?(?:pyjamas|pjs|sheets|clothes|t shirt)|sweat\w* (?:at|through the|all) night|(?:soaked|soaking|drenched|drenching|dripping|pouring) (?:\w+ ){0,3}?(?:sweat|sheets|pyjamas|pjs|bed)|wake up (?:soaked|soaking|drenched|sweating|in a pool)|change (?:my )?(?:sheets|pyjamas|pjs))`],
  CANCER: [String.raw`(?:cancer|cancers|tumou?r|tumou?rs|malignan\w*|lymphoma|leuk(?:a)?emia|myeloma|sarcoma|carcinoma|melanoma|metasta\w*|mets|chemo\w*|radiotherapy|radiation therapy|oncolog\w*|the big c|tamoxifen|letrozole|anastrozole|in remission|macmillan nurse)`],
  STEROID_TABLET: [String.raw`(?:prednisolone|prednisone|pred|methylpred\w*|dexamethasone|dex|hydrocortisone tablets|steroid (?:tablets|pills)|oral steroids|steroids|corticosteroid tablets)`],
  LONG_TIME: [String.raw`(?:for (?:\w+ ){0,2}?(?:years|months|ages|a long time|ever)|(?:3|4|5|6|7|8|9|10|11|12|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many) months|a year|(?:\d+|two|few|several|many) years|long ?term|since (?:19|20)\d\d|every day|daily|permanently|on and off for|most of my life)`],
  GETTING_WORSE: [String.raw`(?:getting worse|gets worse|got (?:much |a lot )?worse|worse and worse|worse than (?:the day before|yesterday|the last)|getting weaker|weaker and weaker|spreading|progress(?:ing|ive|ively|ed)|more and more|increasingly|keeps getting worse|more numb|number each|each week|every week|week by week|week on week|worsening|deteriorat\w*|ramping up|steadily)`],
  FAST: [String.raw`(?:quickly|rapidly|fast|by the day|every day|each day|day by day|daily|within days|in days|over (?:the last |a )?(?:few )?days|in a week|this week|overnight)`],
  FOOT_DROP: [String.raw`(?:foot drop|drop foot|foot (?:slaps|drags|flops)|toes catch|dragging my (?:foot|leg)|catch my toes|trip over my (?:own )?(?:foot|toes))`],

  // --- bone stress -----------------------------------------------------------------------------
  HOP_PAIN: [String.raw`(?:(?:hurts?|painful|pain|sore|agony|cannot|unable) (?:\w+ ){0,3}?(?:to )?hop\w*|hop\w* (?:\w+ ){0,3}?(?:hurts?|is painful|is agony|is sore|kills|is impossible))`],
  IMPACT: [String.raw`(?:run|runs|running|ran|jog\w*|sprint\w*|jump\w*|hop\w*|plyo\w*|mileage|miles|kms?|marathon|half marathon|10k|5k|parkrun|couch to 5k|c25k|training|netball|football|basketball|dance|dancing)`],
  MORE_TRAINING: [String.raw`(?:upped|increased|doubled|ramped up|stepped up|added|more|jump in|big jump|new plan|started training|started running|just started|training for|building up|build up|extra (?:runs|miles|sessions))`],
  BONE_STRESS_RISK: [String.raw`(?:(?:have not|has not|not) had (?:a |my )?periods?|(?:missed|missing|no|stopped|lost) (?:my )?periods?|period(?:s)? (?:stopped|have stopped|disappeared)|amenorrh\w*|under ?eating|not eating (?:enough|much)|eating (?:very )?little|restrict\w* (?:my )?(?:food|eating|calories)|low body weight|underweight|very thin|eating disorder|anorexi\w*|red s|relative energy deficiency|breastfeeding|breast feeding|nursing)`],
  STRESS_FRACTURE_WORD: [String.raw`(?:stress fracture|stress reaction|bone stress|hairline fracture|stress injury|fatigue fracture)`],
  GROIN_PAIN: [String.raw`(?:groin|hip|pelvis|pelvic|thigh|pubic|shin)`],

  // --- lumps and tummy -------------------------------------------------------------------------
  LUMP: [String.raw`(?:lump|lumps|bump|bulge|bulging|swelling|swelled|knot|mass|growth|ball|pocket)`],
  GROIN: [String.raw`(?:groin|crease|inner thigh|top of my (?:thigh|leg)|bikini line|lower belly|lower tummy|pubic)`],
  PULSING: [String.raw`(?:puls\w*|throbbing in time|beat\w*|heartbeat)`],
  COUGH_STRAIN: [String.raw`(?:cough\w*|sneez\w*|strain\w*|lift\w* something|on the loo|stand up|standing)`],
  HERNIA: [String.raw`(?:hernia|herniation|inguinal|sports hernia)`],
  TESTICLE: [String.raw`(?:testicles?|testes|testis|(?:my|left|right|one) ball|balls|nuts|nads|scrotum|ball bag|family jewels)`],
  BLOOD_URINE: [String.raw`(?:blood in (?:my |the )?(?:urine|pee|wee|piss)|bloody (?:urine|pee|wee)|(?:urine|pee|wee) (?:\w+ ){0,2}?(?:pink|red|brown|bloody|dark red)|pink (?:pee|wee|urine)|red (?:pee|wee|urine)|haematuria|hematuria|peeing blood|weeing blood)`],
  TUMMY_PAIN: [String.raw`(?:(?:tummy|belly|abdomen|abdominal|stomach|gut|lower abdomen) (?:\w+ ){0,2}?(?:pain|ache|aches|aching|hurts?|cramps?)|(?:pain|ache|aching|cramps?) in (?:my |the )?(?:tummy|belly|abdomen|stomach|gut|lower abdomen)|abdominal pain)`],

  // --- past hip problems -----------------------------------------------------------------------
  CHILDHOOD_HIP: [String.raw`(?:perthes|legg calve perthes|dysplasia|ddh|clicky hips?|scfe|slipped (?:capital femoral )?(?:epiphysis|growth plate)|pavlik|hip spica|spica cast|club ?foot|clicky hip as a baby|hip problems? as a (?:child|kid|baby)|born with (?:a )?(?:bad|dodgy|dislocated) hips?)`],
  HIP_SURGERY: [String.raw`(?:hip (?:surgery|operation|op|replacement|resurfacing|arthroscopy|scope|pinning|osteotomy)|(?:had|got|gotten) my hip (?:scoped|done|replaced|pinned|operated on)|thr|total hip|pao|periacetabular|labral repair|labrum (?:repair|surgery)|fai surgery|femoroplasty|post op|postop|after (?:my |the )?(?:surgery|op|operation) on my hip|new hip|hip pinned)`],

  // --- heart / pregnancy ------------------------------------------------------------------------
  CHEST: [String.raw`(?:chest (?:pain|pains|tight\w*|pressure|heaviness|ache|hurts?|discomfort|squeez\w*)|tight chest|heavy chest|pain in (?:my |the )?chest|crushing (?:pain|feeling)|angina|heart (?:racing|pounding|fluttering|skipping|palpitations)|palpitations)`],
  DIZZY: [String.raw`(?:dizzy|dizziness|light ?headed|lightheadedness|faint|fainted|fainting|pass(?:ed)? out|passing out|black(?:ed)? out|blacking out|woozy|vertigo|room spinning|head spinning|see stars|seeing stars|keeled over|collapsed)`],
  EXERTION: [String.raw`(?:exercis\w*|workout|working out|work out|session|training|train|run|running|jog\w*|walk\w*|uphill|up hill|hills?|stairs|steps|climb\w*|bike|cycling|gym|squats?|effort|exert\w*|active|activity|moving|lifting|bridges?|lunges?|sport)`],
  PREGNANT: [String.raw`(?:pregnant|pregnancy|preggers|preggo|pregant|pregnent|expecting|bun in the oven|with child|trimester|weeks along|weeks gone|baby bump|my bump|due in|due date|antenatal|prenatal)`],
  POSTPARTUM: [String.raw`(?:new (?:mum|mom|mam)|baby is (?:\w+ ){0,2}?(?:weeks?|days?|months?) old|postpartum|post partum|postnatal|post natal|pp|gave birth|given birth|had (?:a|my|our|the) (?:baby|babies|twins|little one|son|daughter)|c ?section|caesarean|cesarean|newborn|new baby|(?:baby|little one) (?:is|was born) (?:\w+ ){0,2}?(?:weeks?|days?|months?))`],
  CLEARED: [String.raw`(?:cleared|signed off|given the all clear|given the go ahead|said (?:it is|it's|exercise is) (?:fine|ok|okay)|said i can exercise|(?:midwife|doctor|gp|ob|obgyn|physio) said (?:i can|it is fine|it is ok))`],

  // --- context vetoes --------------------------------------------------------------------------
  PAIN: [String.raw`(?:pain\w*|hurt\w*|ache|aches|aching|achy|sore|throb\w*|agony|burning)`],
  FUTURE_OR_OTHERS_SURGERY: [String.raw`(?:will i (?:\w+ )?need|do i need|might need|may need|need (?:a|an) (?:\w+ )?(?:op|operation|surgery|replacement)|should i (?:have|get)|avoid(?:ing)?|considering|thinking (?:about|of)|waiting list|on the list for|offered|recommended|wants? to operate|eventually|one day|in the future)`],
  PAST_DATE: [String.raw`(?:in (?:19|20)\d\d|years ago|last year|as a (?:child|kid|teen|teenager)|when i was (?:young|younger|little|a kid|\d+))`],
  SYMPTOM: [String.raw`(?:(?:can|could|should) (?:he|she|they) (?:\w+ )?(?:do|start|try|use)|hurt\w*|pain\w*|sore|ache|aches|aching|achy|click\w*|pinch\w*|stiff|limp\w*|injur\w*|niggl\w*|swollen|numb|weak)`],
  POSITIONAL: [String.raw`(?:(?:in|after) (?:a )?hot (?:showers?|baths?)|stand(?:ing)? up (?:too )?(?:fast|quickly)|stood up (?:too )?(?:fast|quickly)|head rush|skip\w* (?:breakfast|lunch|meals?)|not eaten|hungry|from sitting|sitting (?:for|through)|after sitting|fell asleep|went to sleep|sleep(?:ing)? on (?:my|it)|slept on|cross legged|tight (?:ski )?boots|in the cold)`],
  CHECKED_CLEAR: [String.raw`(?:(?:was|came back|is|were) (?:all )?(?:clear|normal|fine|negative)|said no|ruled (?:it )?out)`],
  EXERCISE_CONTEXT: [String.raw`(?:in|during|doing|on|after|with) (?:the |my |a |this )?(?:\w+ ){0,2}?(?:stretch\w*|exercises?|bridges?|planks?|squats?|lunges?|clams?|clamshells?|hinges?|drills?|holds?|reps?|sets?|pose|position|rock backs?|side plank|workout|session|class|yoga|pilates|pigeon|90 ?90)`],
  LONG_AGO: [String.raw`(?:years ago|decades ago|as a (?:child|kid|teen|teenager)|when i was (?:young|younger|little|a kid)|back in (?:19|20)\d\d|(?:ten|twenty|\d{2}) years)`],
  HYPOTHETICAL: [String.raw`(?:what if|should i worry if|what are the signs|what signs|how do i know if|how would i know|is it normal to|when should i|what counts as|signs of|symptoms of|red flags?|is it a red flag|warning signs?)`],
} as const;

export type Concept = keyof typeof LEXICON_DATA;

/** Each concept compiled once: whole words only, global for scanning. */
export const LEXICON: Readonly<Record<Concept, RegExp>> = Object.fromEntries(
  Object.entries(LEXICON_DATA).map(([concept, fragments]) => [concept, new RegExp(String.raw`(?<![\w])(?:${fragments.join('|')})(?![\w])`, 'g')]),
) as Record<Concept, RegExp>;

export const CONCEPTS = Object.keys(LEXICON_DATA) as Concept[];

/** Misspellings and slang spellings folded to the word the lexicon expects, before matching. */
export const SPELLINGS: readonly (readonly [RegExp, string])[] = [
  [/\b(?:numbe|nunb|numm|numbb)\b/g, 'numb'],
  [/\b(?:tingleing|tinglin|tinglying)\b/g, 'tingling'],
  [/\b(?:swolen|swolled|swelled up)\b/g, 'swollen'],
  [/\b(?:feever|fevver)\b/g, 'fever'],
  [/\b(?:blod|bloood)\b/g, 'blood'],
  [/\b(?:urin|uraine|urene)\b/g, 'urine'],
  [/\b(?:testical|testicle's|testicals|testicels)\b/g, 'testicle'],
  [/\b(?:hernea|hurnia)\b/g, 'hernia'],
  [/\b(?:canser|cancre|cancerr)\b/g, 'cancer'],
  [/\b(?:tumer|tumor|tumour)\b/g, 'tumour'],
  [/\b(?:predisolone|prednisalone|prednisilone|prednislone)\b/g, 'prednisolone'],
  [/\b(?:pregnet|preggo|pregnat)\b/g, 'pregnant'],
  [/\b(?:dizzi|dizzey|dizy)\b/g, 'dizzy'],
  [/\b(?:breathe?less)\b/g, 'breathless'],
  [/\b(?:calfs)\b/g, 'calves'],
  [/\b(?:peing|pieing)\b/g, 'peeing'],
  [/\b(?:wieght|weigth|wait)\b(?= (?:on|through|bearing))/g, 'weight'],
  [/\b(?:osteoperosis|osteoporisis|osteoprosis)\b/g, 'osteoporosis'],
  [/\b(?:paralised|paralized)\b/g, 'paralysed'],
  [/\b(?:sudenly|suddenely|suddnly)\b/g, 'suddenly'],
  [/\b(?:agnoy|agony)\b/g, 'agony'],
  [/\bfeelin\b/g, 'feeling'],
  [/\bsumthing\b/g, 'something'],
  [/\bu\b/g, 'you'],
  [/\bur\b/g, 'your'],
  [/\b(?:pls|plz)\b/g, 'please'],
];
