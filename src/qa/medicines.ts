/**
 * The one medicine list the guardrails use: generic names and common brand names of pain relief,
 * anti-inflammatories, nerve-pain drugs, steroids and supplements people take for joints, in the
 * UK, US and elsewhere. An LLM answer naming any of them is replaced by the template answer: the
 * bot never advises on medicines. Lower case; matched as whole words.
 */
export const MEDICINES: readonly string[] = [
  // Simple pain relief and NSAIDs (generic)
  'paracetamol', 'acetaminophen', 'ibuprofen', 'naproxen', 'aspirin', 'diclofenac', 'celecoxib', 'etoricoxib', 'meloxicam', 'indomethacin',
  'ketoprofen', 'piroxicam', 'etodolac', 'nabumetone', 'mefenamic acid', 'nsaid', 'nsaids', 'cox-2 inhibitor',
  // Brands
  'tylenol', 'panadol', 'calpol', 'advil', 'nurofen', 'motrin', 'brufen', 'aleve', 'naprosyn', 'voltaren', 'voltarol', 'celebrex', 'arcoxia',
  'mobic', 'excedrin', 'anadin', 'solpadeine', 'co-codamol', 'cocodamol', 'co-dydramol', 'feminax', 'deep heat', 'ibuleve', 'biofreeze',
  // Opioids and nerve pain
  'codeine', 'dihydrocodeine', 'tramadol', 'oxycodone', 'oxycontin', 'morphine', 'hydrocodone', 'vicodin', 'percocet', 'tapentadol', 'buprenorphine',
  'fentanyl', 'gabapentin', 'neurontin', 'pregabalin', 'lyrica', 'amitriptyline', 'duloxetine', 'cymbalta', 'nortriptyline',
  // Steroids, injections, relaxants
  'cortisone', 'hydrocortisone', 'prednisolone', 'prednisone', 'methylprednisolone', 'depo-medrone', 'kenalog', 'triamcinolone', 'dexamethasone',
  'diazepam', 'valium', 'cyclobenzaprine', 'methocarbamol', 'baclofen', 'hyaluronic acid', 'prp', 'platelet-rich plasma',
  // Supplements marketed for joints
  'glucosamine', 'chondroitin', 'turmeric', 'curcumin', 'collagen', 'fish oil', 'omega-3', 'cbd', 'msm',
];
