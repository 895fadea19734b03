import { describe, expect, it } from 'vitest';
import { RED_FLAG_IDS, type RedFlagId } from '../../src/content/ids.js';
import { CONCEPT_RULES } from '../../src/coaching/red-flags/rules.js';
import {
  RED_FLAG_TEXT_RULES,
  describeMatches,
  detectRedFlagsInText,
  normaliseText,
} from '../../src/coaching/red-flags/phrases.js';

/** Positive phrasings per flag id; each must return exactly that one id. */
const POSITIVE: Partial<Record<RedFlagId, readonly string[]>> = {
  trauma_cannot_bear_weight: [
    'fell off my bike yesterday and now I can’t put any weight on my leg',
    'I slipped on the ice and cannot bear weight on my right leg',
    'Tripped down the stairs, now I cant walk on it',
    'after the crash I am unable to put weight through my hip',
    'I had a fall and my leg looks deformed',
    'Fell on my hip last night, my leg is shorter and turned out',
    'I think I dislocated my hip playing rugby',
    'I can barely put any weight on it since the accident',
    'I fell and I think I have broken my hip',
    'I can not weight bear.',
    'I can’t walk at all',
  ],
  hot_swollen_joint_fever: [
    'my hip is hot and swollen and I’ve got a fever',
    'Hip pain and a temperature of 38.5, feeling really unwell',
    'my hip is red and swollen',
    'had a steroid injection last week and now the hip is swollen and hot',
    'I have chills and my hip is killing me',
    'the joint is warm to the touch',
    'could it be septic arthritis?',
    'feeling feverish and my groin hurts',
  ],
  saddle_numbness_or_bladder_bowel: [
    'numb between my legs and I’ve wet myself',
    'trouble peeing since the pain started',
    'I can’t feel anything when I wipe',
    'my groin has gone numb',
    'tingling around my back passage',
    'I’ve lost control of my bowels',
    'both legs feel weak and wobbly today',
    'struggling to pass urine',
    'numbness in my genitals',
    'I have been incontinent since yesterday',
    'It is hard to start peeing',
    'I can’t control my bladder any more',
  ],
  cold_pale_leg: [
    'my leg went cold and pale',
    'sudden pain and my foot turned white',
    'my foot is ice cold and the pain is awful',
    'my toes have gone blue',
    'cold pale leg with terrible pain',
    'no pulse in my foot',
    'my leg is mottled and I am in agony',
  ],
  night_or_constant_pain: [
    'the pain wakes me every night and nothing helps',
    'pain is constant even when I’m lying still',
    'I can’t sleep because of the pain',
    'it hurts all the time, day and night',
    'constant pain whatever I do',
    'the pain keeps me awake',
    'it aches even at rest',
    'I am woken by the pain most nights',
    'Can’t get comfortable in any position at night',
    'my hip pain never goes away',
    'it hurts whether I move or rest',
  ],
  weight_loss_or_night_sweats: [
    'I’ve lost a stone without trying',
    'drenching night sweats',
    'I am losing weight for no reason',
    'unexplained weight loss',
    'I wake up soaked in sweat',
    'lost 6kg in two months and I am not dieting',
    'my weight is dropping off me',
    'I keep sweating at night',
  ],
  cancer_history: [
    'I had breast cancer 5 years ago',
    'I’m being treated for prostate cancer',
    'I finished chemo last year',
    'history of lymphoma',
    'I’m on tamoxifen',
    'they found a tumour in my lung two years ago',
    'I have been cancer free since 2015',
  ],
  progressive_numbness_or_weakness: [
    'my leg keeps getting weaker and more numb',
    'the numbness in my foot is spreading',
    'the tingling down my leg is getting worse',
    'I think I have foot drop, my foot slaps when I walk',
    'I’m losing strength in my left leg',
    'my thigh is getting number',
    'my leg is progressively weaker',
  ],
  long_term_steroids: [
    'I’ve been on prednisolone for a year',
    'I take prednisone every day for my arthritis',
    'long-term steroids for Crohn’s',
    'I was on steroid tablets for 6 months',
    'been on steroids for years',
    'oral steroids since 2019',
  ],
  stress_fracture_signs: [
    'groin pain that gets worse with every run since I upped my mileage, hurts to hop',
    'it hurts to hop on my left leg',
    'I can’t hop on that leg',
    'since I started marathon training my groin aches',
    'hopping is really painful',
    'could this be a stress fracture?',
    'the pain comes on earlier in every run',
    'I increased my mileage and now my hip hurts',
  ],
  groin_lump_or_abdominal_symptoms: [
    'there’s a lump in my groin',
    'blood in my urine',
    'I have a bulge in my groin when I cough',
    'my testicle is swollen',
    'I’ve got tummy pain as well',
    'pulsing swelling near my groin crease',
    'my pee is pink',
    'could it be a hernia?',
    'pain in my lower abdomen',
  ],
  childhood_hip_condition_or_surgery: [
    'I had Perthes as a kid',
    'I was born with hip dysplasia',
    'I had a slipped growth plate when I was 12',
    'I had hip surgery in 2019',
    'since my hip replacement it aches',
    'I had my hip scoped two years ago',
    'wore a Pavlik harness as a baby',
    'I had hip problems as a child',
    'I am 8 weeks post op',
    'I fractured my hip in 2010',
  ],
  under_18: [
    'I’m 16',
    'my 15 year old son',
    'I am 14 years old and play football',
    'im 17 and my hip clicks',
    'my daughter is 13',
    'I’m in year 10',
    'I’m a teenager',
    'I am a 16-year-old runner',
    'my son, aged 12, plays rugby',
  ],
  rapidly_worsening: [
    'it’s getting worse every day',
    'the pain is getting worse and worse',
    'my hip pain has got much worse over the last few days',
    'it keeps getting worse',
    'rapidly worsening stiffness',
    'worse by the day',
    'it is getting worse quickly',
  ],
  chest_pain_or_dizziness_on_exertion: [
    'chest pain when I walk uphill',
    'I get dizzy when I exercise',
    'I feel faint during the workout',
    'tightness in my chest when I run',
    'I passed out after the session',
    'I get light-headed on the bike',
    'my chest gets tight when I climb stairs',
  ],
  pregnancy_not_cleared: [
    'I’m pregnant',
    'I had a baby 4 weeks ago',
    'I am 20 weeks pregnant',
    'I’m 6 weeks postpartum',
    'had a C-section 2 months ago',
    'we are expecting a baby in May',
    'I am in my third trimester',
    'I gave birth in March',
  ],
};

/** Everyday hip and exercise questions: none of these may fire. */
const NEGATIVE: readonly string[] = [
  'is it ok that the 90/90 pinches?',
  'should I stretch my hip flexors?',
  'how long until it improves',
  'my hip is stiff in the morning',
  'I can’t do the side plank yet',
  'I fell behind on my sessions',
  'sitting all day at work hurts',
  'I feel a stretch in my groin in the adductor rock back',
  'my leg feels weak in the single leg bridge',
  'I’m 45',
  'my hip clicks',
  'the pain is worse after running',
  'I’m tired after the workout',
  'my hip pinches when I squat deep',
  'night time stretching routine?',
  'my son does this exercise too',
  'I lost weight on purpose and feel better',
  'chest day at the gym',
  'I can’t stand on one leg for 30 seconds yet',
  'I’m 3 weeks into the plan and feel stronger',
  'I’m 5 sessions in',
  'I’m 16 reps in and my glutes burn',
  'pain is 3/10 during bridges, is that ok?',
  'I’m 7/10 sore after squats',
  'can I use a heat pack or ice?',
  'a hot bath helps my stiff hip',
  'my glutes are sore the day after',
  'what does RPE mean?',
  'can I do the clamshells every day?',
  'can’t get low in the deep squat',
  'my lower back gets tight in the hip hinge',
  'cold weather makes my hip stiff',
  'will I need a hip replacement eventually?',
  'I want to avoid surgery',
  'my physio said it’s FAI',
  'my hip aches after gardening',
  'I did hip-hop dancing last night and my hip is sore',
  'I lie on my stomach for the prone extension test, is that ok?',
  'lying on my stomach is painful for my hip',
  'I increased my squat weight to 20kg',
  'my wife thinks I should rest more',
  'the red band is too hard, can I use the yellow one?',
  'my feet are always cold in winter',
  'I get pins and needles in my foot in the pigeon stretch',
  'I wake up stiff',
  'my leg feels heavy after the run',
  'the stretch feels tight on the left',
  'I can’t touch my toes',
  'I’m 62 and new to exercise',
  'it’s a bit better than last week',
  'what should I do if it flares up?',
  'my knee caves in on the split squat',
  'I can’t sleep on my left side because of my hip',
  'my hip wakes me when I roll onto that side',
  'I sweat a lot during workouts',
  'Is 15 reps enough?',
  'I have been training for 12 weeks',
  'my dog pulled me over on a walk but I’m fine',
  'sore abs after dead bugs',
  'my hip pain is worse when I sit in a low chair',
  'I wake up with a sore hip in the morning',
  'warm up before the squats?',
  'my quads are getting stronger every week',
  'the pinch is getting better every day',
  'my chest feels tight in the doorway stretch',
  'can I do cardio on the bike instead of running?',
  'how many sets of hip thrusts should I do?',
  'my hip is a bit sore but it settles after a few minutes',
  'my squat depth is getting better',
  'I feel the burn in my outer hip during the side lying abduction',
  'my kids are 10 and 12 so I train in the evenings',
  // Phrasings the FAQ routes to ordinary answers.
  'knee to chest hurts in the front of my hip',
  'hip hurts after sitting all day at work',
  'groin aches when I sit too long',
  'hurts to sleep on my side',
  'hip aches in bed',
  'hip pain at night',
  'had a bad day and my hip is killing me',
  'fell off the wagon',
  'my hip pops during dead bugs',
  'hot yoga hip pain',
  'is a hot water bottle on my hip ok',
  'a warm bath helps my hip is that ok',
  'dog walks are making my hip sore',
  'walking uphill hurts my hip',
  'kicking hurts my groin',
  'leg day with impingement',
  'deadlifts hurt my hip',
  'should I get a cortisone injection',
  'will I need an operation for my impingement',
  'surgeon wants to operate should I',
  'mri says labral fraying',
  'everything aches the morning after a session',
  'exercise bike hurts my groin',
  'front of my hip feels tight all the time',
  'I can’t stand on my left leg for long',
  'it is a constant battle to find time to train',
  'I get tingling in my groin in the adductor stretch',
  'both legs dead after leg day',
  'I had a fever last week but I’m over it, can I restart?',
  'my hip is warm and red after the heat pack',
  'I have a 10 year old dog',
  'I carry my 2 year old a lot and my hip aches',
  'my squat is getting worse every week haha',
];

/** Negated or someone else's: none of these may fire. */
const NEGATED_OR_OTHERS: readonly string[] = [
  'I’m not pregnant',
  'no fever, no night sweats',
  'I’ve never had cancer',
  'no weight loss or night sweats',
  'I don’t get chest pain or dizziness',
  'I have never been dizzy',
  'my mum had breast cancer',
  'my wife is pregnant so I’m short on sleep',
  'no history of cancer in my family',
  'I was on prednisolone for a week last winter',
  'I use a steroid inhaler for asthma',
  'I had a steroid injection in my hip in January',
  'my dad gets chest pain when he walks',
  'the scan ruled out a stress fracture',
  'I’m not sure about the 90/90, is it ok?',
  'I had my kids 10 years ago',
  'it’s not constant, it comes and goes',
  'I don’t have constant pain',
  'it doesn’t wake me at night',
  'my leg hasn’t gone cold or pale',
  'I haven’t lost any weight',
  'no numbness between my legs',
  'I have no trouble peeing',
  'I don’t have any bladder or bowel problems',
  'I’ve never taken steroid tablets',
  'it’s not getting worse every day, it’s the same',
  'I’m not 16, I’m 46',
  'I didn’t fall and I can put weight on it',
  'no fever or chills',
  'my hip isn’t hot or swollen',
  'no blood in my urine',
  'I can hop without pain',
  'my leg isn’t getting weaker',
  'my gran had a hip fracture',
];

/** Texts with two flags: both come back, in spec order. */
const MIXED: readonly { text: string; ids: RedFlagId[] }[] = [
  { text: 'I’m pregnant and I get dizzy when I exercise', ids: ['chest_pain_or_dizziness_on_exertion', 'pregnancy_not_cleared'] },
  { text: 'I had breast cancer and now the pain wakes me every night', ids: ['night_or_constant_pain', 'cancer_history'] },
  { text: 'I’m 16 and I had Perthes as a kid', ids: ['childhood_hip_condition_or_surgery', 'under_18'] },
  { text: 'fell off my bike, can’t put weight on it, and there is blood in my urine', ids: ['trauma_cannot_bear_weight', 'groin_lump_or_abdominal_symptoms'] },
  { text: 'I’ve lost a stone without trying. Also I’m on prednisolone', ids: ['weight_loss_or_night_sweats', 'long_term_steroids'] },
  { text: 'It’s getting worse every day and my leg went cold and pale', ids: ['cold_pale_leg', 'rapidly_worsening'] },
  { text: 'I’m not pregnant but I had a baby 4 weeks ago; no fever but my hip is hot and swollen', ids: ['hot_swollen_joint_fever', 'pregnancy_not_cleared'] },
];

/** Casing, curly/straight/missing apostrophes, hyphens and spacing. */
const VARIANTS: readonly { text: string; id: RedFlagId }[] = [
  { text: 'I CAN’T PUT ANY WEIGHT ON MY LEG AFTER I FELL', id: 'trauma_cannot_bear_weight' },
  { text: "i can't put weight on it after the fall", id: 'trauma_cannot_bear_weight' },
  { text: 'i cant put weight on it after the fall', id: 'trauma_cannot_bear_weight' },
  { text: 'I can not put weight on it since I fell', id: 'trauma_cannot_bear_weight' },
  { text: 'I cannot put weight on it since I fell', id: 'trauma_cannot_bear_weight' },
  { text: 'I’m 16', id: 'under_18' },
  { text: "I'm 16", id: 'under_18' },
  { text: 'Im 16', id: 'under_18' },
  { text: 'I AM SIXTEEN', id: 'under_18' },
  { text: 'My 15-year-old son', id: 'under_18' },
  { text: 'my 15yo son', id: 'under_18' },
  { text: 'It’s getting worse every day', id: 'rapidly_worsening' },
  { text: 'its getting worse every day', id: 'rapidly_worsening' },
  { text: 'Trouble   peeing\n since the pain started', id: 'saddle_numbness_or_bladder_bowel' },
  { text: 'Night-sweats', id: 'weight_loss_or_night_sweats' },
  { text: '“I had Perthes”', id: 'childhood_hip_condition_or_surgery' },
  { text: 'CHEST PAIN walking UPHILL', id: 'chest_pain_or_dizziness_on_exertion' },
  { text: 'its constant', id: 'night_or_constant_pain' },
  { text: 'cnt put wieght on it after i fell', id: 'trauma_cannot_bear_weight' },
  { text: 'got a temprature and my hip is killing me', id: 'hot_swollen_joint_fever' },
  { text: 'I have diziness when running', id: 'chest_pain_or_dizziness_on_exertion' },
  { text: 'im pregant', id: 'pregnancy_not_cleared' },
];

describe('detectRedFlagsInText: positives', () => {
  it('has at least 3 positive phrasings for every flag id', () => {
    // The v2 flags (dvt, sudden numbness, falls at 60+) have no phrases: only concept rules.
    for (const id of RED_FLAG_IDS.filter((f) => RED_FLAG_TEXT_RULES[f].length > 0)) expect(POSITIVE[id]?.length, id).toBeGreaterThanOrEqual(3);
  });

  const cases = RED_FLAG_IDS.flatMap((id) => (POSITIVE[id] ?? []).map((text) => ({ id, text })));
  it.each(cases)('$id: "$text"', ({ id, text }) => {
    expect(detectRedFlagsInText(text)).toEqual([id]);
  });
});

// Everyday questions, negations and other people's news: the same check, nothing matches.
describe.each([
  { group: 'everyday questions do not fire', texts: NEGATIVE, atLeast: 40 },
  { group: 'negations and other people', texts: NEGATED_OR_OTHERS, atLeast: 1 },
])('detectRedFlagsInText: $group', ({ texts, atLeast }) => {
  it(`has at least ${atLeast} phrasings`, () => {
    expect(texts.length).toBeGreaterThanOrEqual(atLeast);
  });
  it.each(texts)('"%s"', (text) => {
    expect(describeMatches(text)).toEqual([]);
  });
});

describe('detectRedFlagsInText: mixed texts', () => {
  it.each(MIXED)('$text', ({ text, ids }) => {
    expect(detectRedFlagsInText(text)).toEqual(ids);
  });

  it('returns ids in spec order and without duplicates', () => {
    const text = [
      'I’m pregnant.',
      'It’s getting worse every day and it keeps getting worse.',
      'I fell and can’t put any weight on my leg, I can’t walk on it.',
      'My 15 year old son asked too.',
    ].join(' ');
    const ids = detectRedFlagsInText(text);
    expect(ids).toEqual(['trauma_cannot_bear_weight', 'under_18', 'rapidly_worsening', 'pregnancy_not_cleared']);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('detectRedFlagsInText: casing and apostrophes', () => {
  it.each(VARIANTS)('$id: "$text"', ({ text, id }) => {
    expect(detectRedFlagsInText(text)).toEqual([id]);
  });

  it('normalises quotes, contractions and whitespace', () => {
    expect(normaliseText('  I’m   sure I CAN’T\tdo it, it doesn’t help  ')).toBe('i am sure i cannot do it, it does not help');
    expect(normaliseText('cant / can not / cannot / can’t')).toBe('cannot / cannot / cannot / cannot');
    expect(normaliseText('a 15-year-old\nnew line')).toBe('a 15 year old . new line');
  });

  it('returns nothing for empty or blank text', () => {
    expect(detectRedFlagsInText('')).toEqual([]);
    expect(detectRedFlagsInText('   \n ')).toEqual([]);
  });
});

describe('judgement calls', () => {
  it('night waking flags only with a sign it does not settle (plain waking is the sleep-position FAQ)', () => {
    expect(detectRedFlagsInText('pain wakes me up at night')).toEqual([]);
    expect(detectRedFlagsInText('my hip wakes me when I roll onto it, nothing helps')).toEqual([]);
    expect(detectRedFlagsInText('pain wakes me up at night and I can’t get back to sleep')).toEqual(['night_or_constant_pain']);
    expect(detectRedFlagsInText('it wakes me every night')).toEqual(['night_or_constant_pain']);
  });

  it('a sudden flare is not rapid worsening; quick worsening over days is', () => {
    expect(detectRedFlagsInText('hip suddenly much worse')).toEqual([]);
    expect(detectRedFlagsInText('it’s getting worse')).toEqual([]);
    expect(detectRedFlagsInText('it has gotten so much worse in the last week')).toEqual(['rapidly_worsening']);
  });

  it('inability to bear weight flags even when no fall is mentioned', () => {
    expect(detectRedFlagsInText('I can’t put weight on my left leg')).toEqual(['trauma_cannot_bear_weight']);
    expect(detectRedFlagsInText('I can’t put much weight through my left leg in the split squat')).toEqual([]);
  });

  it('a suspected fracture today is trauma, a dated one is hip history', () => {
    expect(detectRedFlagsInText('I think my hip is broken')).toEqual(['trauma_cannot_bear_weight']);
    expect(detectRedFlagsInText('I broke my hip in 2012')).toEqual(['childhood_hip_condition_or_surgery']);
  });

  it('someone else’s surgery, cancer or pregnancy does not flag, a child’s age does', () => {
    expect(detectRedFlagsInText('my dad had a hip replacement')).toEqual([]);
    expect(detectRedFlagsInText('my husband is worried because I had cancer')).toEqual(['cancer_history']);
    expect(detectRedFlagsInText('my son’s 15 and his hip hurts')).toEqual(['under_18']);
  });

  it('steroid injections, inhalers and short courses are not long-term steroid tablets', () => {
    expect(detectRedFlagsInText('had a steroid injection last month')).toEqual([]);
    expect(detectRedFlagsInText('I took prednisolone for 5 days')).toEqual([]);
    expect(detectRedFlagsInText('I took prednisolone for 4 months last year')).toEqual(['long_term_steroids']);
  });

  it('stress leaks when sneezing are not bladder red flags, new trouble peeing is', () => {
    expect(detectRedFlagsInText('I leak a little urine when I sneeze since my kids')).toEqual([]);
    expect(detectRedFlagsInText('I haven’t been able to pee all day')).toEqual(['saddle_numbness_or_bladder_bowel']);
  });
});

describe('describeMatches', () => {
  it('returns the matched snippet for each flag', () => {
    expect(describeMatches('Fell off my bike and now I can’t put any weight on my leg. Also I’m 16.')).toEqual([
      { id: 'trauma_cannot_bear_weight', phrase: 'cannot put any weight' },
      { id: 'under_18', phrase: 'i am 16' },
    ]);
    expect(describeMatches('there’s a lump in my groin')).toEqual([
      { id: 'groin_lump_or_abdominal_symptoms', phrase: 'lump in my groin' },
    ]);
  });

  it('skips a negated mention but still finds a later real one', () => {
    expect(describeMatches('I don’t have a fever. Actually I do have a fever and my hip hurts')).toEqual([
      { id: 'hot_swollen_joint_fever', phrase: 'fever' },
    ]);
  });

  it('is stateless: the same text gives the same answer every time', () => {
    const text = 'I’m 16 and I had Perthes as a kid';
    const first = describeMatches(text);
    for (let i = 0; i < 5; i++) expect(describeMatches(text)).toEqual(first);
    expect(describeMatches('is it ok that the 90/90 pinches?')).toEqual([]);
    expect(describeMatches(text)).toEqual(first);
  });

  it('has rules with notes for every flag id (phrase table or, for the v2 flags, concept rules)', () => {
    for (const id of RED_FLAG_IDS) {
      const rules = [...RED_FLAG_TEXT_RULES[id], ...CONCEPT_RULES.filter((r) => r.flag === id)];
      expect(rules.length, id).toBeGreaterThan(0);
      for (const rule of rules) expect(rule.note.length, id).toBeGreaterThan(5);
    }
  });
});
// Speed is measured by `npm run bench` (safety.readP99Ms), not by timed unit tests.
