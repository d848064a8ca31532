/**
 * The code-review tone lexicon: words and phrases that make a review comment land as an insult,
 * condescension or sarcasm, each with the technical senses that must stay quiet.
 *
 * Written for Multiplier from the project's own labelling criteria (test/data/words/LABELLING.md)
 * and tuned on the tune split of its own corpus; not copied from any word list. Profanity comes from
 * the @2toad/profanity package (MIT), see profanity.ts. Licence: the project's (MIT).
 *
 * Patterns are regular-expression sources, matched case-insensitively on text whose code spans,
 * quotes, URLs and @mentions are blanked (see mask.ts). Each entry says why it matters to the
 * reader and, where a neutral wording exists, what to write instead ('' drops the words).
 */

export type ToneCategory = 'insult' | 'profanity' | 'condescension' | 'sarcasm';

export interface LexiconEntry {
  category: ToneCategory;
  /** Lower-case substrings one of which must occur for the pattern to be tried (space-separated): a cheap first pass. */
  stems: string;
  pattern: string;
  /** Completes "… <why>." in the finding's message. */
  why: string;
  /** Replacement for the matched words; '' removes them; absent: no mechanical fix. */
  replace?: string;
}

const ABOUT_CODE = 'judges the work instead of describing the problem, and the author hears it about themselves';
const ABOUT_PERSON = 'attacks the person, not the code';
const SWEAR = 'is swearing; in a review it reads as anger at the author';
const DOWN = 'talks down to the author';
const SARCASM = 'is sarcasm; in writing it reads as contempt';

/** Words after "lazy" that name a technique, not a trait. */
const LAZY_TECH =
  'load|loads|loaded|loading|init|inits|initiali[sz](?:e|ed|es|ing|ation)|eval|evaluat(?:e|ed|es|ion)|val|static|import|imports|property|properties|seq|sequence|iterator|list|stream|var|instantiat(?:e|ed|ion)|binding|bindings|match|matching|quantifier|component|components|route|routes|module|modules|value|values|mode|fetch|fetching|compil(?:e|ation)|singleton|lock|cell|once|parsing|parse|deserializ(?:e|ation)|computation|compute|field|fields|attribute|attributes|collection|collections|object|objects|resolution|resolve|connection|mount|hydration|image|images|sweep|deletion|expansion|approach|pattern|way|version|variant|wrapper|creation|start|startup';

export const LEXICON: readonly LexiconEntry[] = [
  // --- insults aimed at code or people --------------------------------------------------------
  { category: 'insult', stems: 'ugl', pattern: String.raw`\bugl(?:y|ier|iest|iness)\b`, why: ABOUT_CODE, replace: 'hard to read' },
  { category: 'insult', stems: 'stupid', pattern: String.raw`\bstupid(?:ly|ity|est)?\b`, why: ABOUT_CODE, replace: 'odd' },
  {
    category: 'insult',
    stems: 'dumb',
    pattern: String.raw`\bdumb(?:er|est)?\b(?!\s*-?\s*(?:terminal|terminals|pipe|pipes|struct|structs|object|objects|data|component|components|client|clients|mode|down|switch|switches|proxy|container|containers|wrapper|wrappers|phone|phones|bell)\b)`,
    why: ABOUT_CODE,
    replace: 'odd',
  },
  {
    category: 'insult',
    stems: 'idiot moron imbecil cretin dimwit halfwit nitwit dumbass numpt dunce buffoon clown loser muppet simpleton',
    pattern: String.raw`\b(?:idiot(?:s|ic|ically)?|moron(?:s|ic)?|imbecil(?:e|es|ic)|cretin(?:s|ous)?|dimwit(?:s|ted)?|halfwit(?:s|ted)?|nitwit(?:s)?|dumbass(?:es)?|numpty|numpties|dunce|buffoon(?:s)?|clown(?:s)?|loser(?:s)?|muppet(?:s)?|simpleton(?:s)?)\b`,
    why: ABOUT_PERSON,
  },
  { category: 'insult', stems: 'jerk', pattern: String.raw`\bjerks?\b(?<!knee[- ]jerks?)`, why: ABOUT_PERSON },
  { category: 'insult', stems: 'retard', pattern: String.raw`\bretard(?:ed|s)?\b`, why: ABOUT_PERSON },
  { category: 'insult', stems: 'brain', pattern: String.raw`\bbrain[- ]?(?:dead|damaged)\b`, why: ABOUT_CODE, replace: 'confusing' },
  {
    category: 'insult',
    stems: 'garbage',
    pattern: String.raw`\bgarbage\b(?<!\b(?:returns?|returned|returning|prints?|printed|printing|outputs?|produces?|produced|contains?|reads?|gets?)\s+garbage)(?!\s*-?\s*(?:collect\w*|collector|collection|collected|gc|value|values|data|bytes|memory|characters|chars|output|input|in\b|out\b|pointer|pointers))`,
    why: ABOUT_CODE,
    replace: 'hard to work with',
  },
  {
    category: 'insult',
    stems: 'trash',
    pattern: String.raw`\btrash(?:y|ed)?\b(?<!\b(?:to|the|into|in|from|a)\s+trash(?:y|ed)?)(?!\s*(?:can|cans|bin|bins|folder|folders|icon|icons|button|buttons|directory|dir|it|them|the)\b)`,
    why: ABOUT_CODE,
    replace: 'hard to work with',
  },
  {
    category: 'insult',
    stems: 'junk',
    pattern: String.raw`\bjunk(?:y)?\b(?!\s*(?:mail|folder|characters|chars|bytes|data|values?|files?|output|input|food|drawer)\b)`,
    why: ABOUT_CODE,
    replace: 'hard to work with',
  },
  { category: 'insult', stems: 'rubbish', pattern: String.raw`\brubbish\b`, why: ABOUT_CODE, replace: 'hard to work with' },
  {
    category: 'insult',
    stems: 'suck',
    pattern: String.raw`\bsuck(?:s|ed|y|ing)?\b(?!\s+(?:in|up|out|into)\b)`,
    why: ABOUT_CODE,
    replace: 'is painful',
  },
  {
    category: 'insult',
    stems: 'yuck yuk ew ugh blech bleh barf gross disgust revolt nauseat vomit puke',
    pattern: String.raw`\b(?:yuck|yuk|yucky|ew{2,}|ugh+|blech|bleh|barf|gross(?:ly)?\b(?!\s*(?:margin|margins|income|amount|amounts|total|totals|weight|salary|revenue|profit|pay|sales|domestic|value|tonnage|up|error|errors))|disgusting|revolting|nauseating|vomit|puke)\b`,
    why: ABOUT_CODE,
    replace: '',
  },
  {
    category: 'insult',
    stems: 'horri atroci abysmal appall pathetic laughable abomination monstros dreadful awful terrible',
    pattern: String.raw`\b(?:horrible|horribly|horrendous|horrid|horrific|atrocious|abysmal|appalling|pathetic|laughable|abomination|monstrosity|dreadful|awful(?!ly)(?!\s+lot)|terrible(?!\s+(?:sorry|lot)))\b`,
    why: ABOUT_CODE,
    replace: 'hard to follow',
  },
  {
    category: 'insult',
    stems: 'ridiculous nonsens insane idiocy lunacy madness bonkers',
    pattern: String.raw`\b(?:ridiculous(?:ly)?|nonsens(?:e|ical)|insane(?!ly)|idiocy|lunacy|madness|bonkers)\b`,
    why: ABOUT_CODE,
    replace: 'surprising',
  },
  { category: 'insult', stems: 'lame', pattern: String.raw`\blame\b(?!\s+duck)`, why: ABOUT_CODE, replace: 'weak' },
  {
    category: 'insult',
    stems: 'laz',
    pattern: String.raw`\blaz(?:y|ier|iest|iness)\b(?!\s*[-_]?\s*(?:${LAZY_TECH})\b)`,
    why: ABOUT_PERSON,
  },
  {
    category: 'insult',
    stems: 'sloppy sloppily shoddy half hacky amateur noob n00b clueless incompeten careless',
    pattern: String.raw`\b(?:sloppy|sloppily|shoddy|half[- ]?ass(?:ed)?|hacky\s+(?:crap|shit|garbage|junk)|amateur(?:ish|y)?|noob(?:ish|s)?|n00b|clueless|incompetent|incompetence|careless(?:ly|ness)?)\b`,
    why: ABOUT_PERSON,
  },
  {
    category: 'insult',
    stems: 'shame disgrace embarrass cringe',
    pattern: String.raw`\b(?:shame(?:ful|less)?|disgrace(?:ful)?|embarrassing|cringe(?:worthy|y)?)\b(?<!\ba\s+shame)(?!\s+(?:that|we|it's|its)\b)`,
    why: ABOUT_PERSON,
  },
  { category: 'insult', stems: 'spaghetti', pattern: String.raw`\bspaghetti(?:\s+code)?\b`, why: ABOUT_CODE, replace: 'tangled code' },
  {
    category: 'insult',
    stems: 'hack',
    pattern: String.raw`\b(?:dirty|ugly|gross|nasty|filthy|horrible|terrible|awful|stupid|crappy|shitty)\s+hack(?:s|ery)?\b`,
    why: ABOUT_CODE,
    replace: 'workaround',
  },
  {
    category: 'insult',
    stems: 'hate',
    pattern: String.raw`\bhate(?:s|d)?\s+(?:this|it|that|these|those|your|you|how\s+you|the\s+way\s+you)\b`,
    why: ABOUT_CODE,
  },
  {
    category: 'insult',
    stems: 'who what which',
    pattern: String.raw`\b(?:who(?:ever)?|what\s+idiot|which\s+idiot)\s+(?:the\s+(?:hell|heck|fuck)\s+)?(?:wrote|writes|did|came\s+up\s+with|approved|thought|merged|designed|committed)\s+(?:this|that|these|it)\b`,
    why: 'goes looking for a culprit; ask about the reasoning instead',
    replace: 'what was the reasoning behind this',
  },
  {
    category: 'insult',
    stems: 'were you',
    pattern: String.raw`\bwhat\s+(?:the\s+(?:hell|heck|fuck)\s+)?were\s+you\s+(?:thinking|smoking|on)\b`,
    why: ABOUT_PERSON,
    replace: 'what was the reasoning here',
  },
  {
    category: 'insult',
    stems: 'are you',
    pattern: String.raw`\bare\s+you\s+(?:kidding|serious|insane|crazy|high|drunk|joking|mad|nuts)\b`,
    why: ABOUT_PERSON,
  },
  {
    category: 'insult',
    stems: 'idea clue',
    pattern: String.raw`\b(?:no|zero)\s+(?:idea|clue)\s+what\s+(?:you(?:'re|\s+are)|they(?:'re|\s+are))\s+doing\b`,
    why: ABOUT_PERSON,
  },
  {
    category: 'insult',
    stems: 'eye make',
    pattern: String.raw`\b(?:eyes\s+(?:bleed|hurt)|hurts?\s+my\s+eyes|makes?\s+me\s+(?:want\s+to\s+)?(?:cry|puke|vomit|sick|throw\s+up))\b`,
    why: ABOUT_CODE,
    replace: '',
  },
  {
    category: 'insult',
    stems: 'kill kys die fire will shoot',
    pattern: String.raw`\b(?:kill\s+(?:yourself|urself|him|her|them)|kys|die\s+in\s+a\s+fire|i(?:'ll|\s+will)\s+(?:kill|hurt|find)\s+you|shoot\s+(?:you|yourself))\b`,
    why: 'is a threat, even as a joke',
  },
  {
    category: 'insult',
    stems: 'worst crappiest dumbest stupidest ugliest',
    pattern: String.raw`\b(?:worst|crappiest|dumbest|stupidest|ugliest)\s+(?:code|pr|pull\s+request|patch|change|thing|idea|design|implementation|api)\b`,
    why: ABOUT_CODE,
  },

  // --- profanity the npm list does not cover, or covers without review context -------------------
  { category: 'profanity', stems: 'crap', pattern: String.raw`\bcrap(?:py|s|pier|piest)?\b`, why: SWEAR, replace: 'poor' },
  {
    category: 'profanity',
    stems: 'load ton',
    pattern: String.raw`\b(?:a\s+)?(?:crap|shit|fuck|craps|shits|fucks)\s*-?\s*(?:load|loads|ton|tons)\s+of\b|\b(?:a\s+)?(?:crapload|shitload|shitton|fuckton|fuckload)s?\s+of\b`,
    why: SWEAR,
    replace: 'a lot of',
  },
  {
    category: 'profanity',
    stems: 'wtf wth ffs stfu gtfo jfc fml lmfao omfg fubar snafu',
    pattern: String.raw`\b(?:wtf|wth|wtaf|ffs|stfu|gtfo|jfc|fml|lmfao|omfg|fubar|snafu)\b`,
    why: SWEAR,
    replace: '',
  },
  {
    category: 'profanity',
    stems: 'what the',
    pattern: String.raw`\bwhat\s+the\s+(?:hell|heck|fuck|f|frick|fudge|crap|shit|devil)\b`,
    why: SWEAR,
    replace: 'what',
  },
  {
    category: 'profanity',
    stems: 'hell',
    pattern: String.raw`\b(?:the|to|from|as|like|in)\s+hell\b(?!\s*(?:of\s+(?:dependenc|callback|version|config|build|nested)))|\bhell\s+(?:no|yes|yeah|of\s+a)\b|\bbloody\s+hell\b`,
    why: SWEAR,
    replace: '',
  },
  {
    category: 'profanity',
    stems: 'damn dammit god bloody freak frig effing feck bollocks arsehole asshole bullshit bs',
    pattern: String.raw`\b(?:damn(?:ed|it|ing)?|dammit|goddamn(?:ed|it)?|god\s+damn|bloody|freaking|frigging|friggin|effing|feckin[g']?|bollocks|arsehole|asshole|bullshit|bs\b(?=\s*[.!]))`,
    why: SWEAR,
    replace: '',
  },
  {
    category: 'profanity',
    stems: 'screw piss',
    pattern: String.raw`\bscrew(?:ed)?\s+(?:you|this|that|it|up|them)\b|\bpiss(?:ed|es|ing)?\s+(?:off|me)\b`,
    why: SWEAR,
  },
  {
    category: 'profanity',
    stems: 'f* f@ f# f% f$ f! f_ f. f- sh! sh1 sh* sh@ sh. s** a** a$ b* b! b1',
    pattern: String.raw`\bf[*@#%$!_.-]{1,3}(?:c?k|ck|kk)(?:ing|in|ed|er|ers|s)?\b|\bf[*]{2,4}(?:ing)?\b|\bsh[!1*@.][t*]+(?:ty|s)?\b|\bs[*]{2,3}t\b|\ba[*$]{2}(?:hole)?\b|\bb[*!1]tch\b`,
    why: SWEAR,
  },

  // --- condescension ------------------------------------------------------------------------------
  { category: 'condescension', stems: 'obviously', pattern: String.raw`\bobviously\b`, why: DOWN, replace: '' },
  {
    category: 'condescension',
    stems: 'obvious',
    pattern: String.raw`\b(?:it's|it\s+is|this\s+is|that's|that\s+is|should\s+be|pretty|very|quite|so|painfully|blindingly)\s+obvious\b(?!\s+to\s+me)`,
    why: DOWN,
  },
  {
    category: 'condescension',
    stems: 'as ',
    pattern: String.raw`\bas\s+(?:any(?:one|body)|every(?:one|body)|we\s+all|you\s+(?:should|must|ought\s+to))\s+(?:knows?|can\s+see|should\s+know|understands?)\b`,
    why: DOWN,
    replace: '',
  },
  {
    category: 'condescension',
    stems: 'know can see understand',
    pattern: String.raw`\b(?:every(?:one|body)|any(?:one|body))\s+(?:knows|can\s+see|understands)\b`,
    why: DOWN,
  },
  {
    category: 'condescension',
    stems: 'any ',
    pattern: String.raw`\bany\s+(?:competent|decent|half[- ]?decent|reasonable|sane|good|real|experienced|serious|self[- ]respecting)\s+(?:developer|programmer|engineer|coder|person|dev|reviewer)s?\b`,
    why: DOWN,
  },
  {
    category: 'condescension',
    stems: 'even a',
    pattern: String.raw`\beven\s+a\s+(?:junior|beginner|child|kid|newbie|first[- ]year|student|intern|monkey|toddler)\b`,
    why: DOWN,
  },
  {
    category: 'condescension',
    stems: 'surely clearly obviously you',
    pattern: String.raw`\b(?:surely|clearly|obviously)\s+you\b|\byou\s+(?:clearly|obviously)\s+(?:don't|didn't|do\s+not|did\s+not|have\s+no|haven't|never)\b`,
    why: DOWN,
  },
  {
    category: 'condescension',
    stems: 'even ',
    pattern: String.raw`\b(?:did|do|have|does)\s+you\s+even\b|\bdid\s+you\s+(?:actually|really)\s+(?:read|test|try|run|look|compile|check)\b`,
    why: DOWN,
  },
  {
    category: 'condescension',
    stems: 'know understand',
    pattern: String.raw`\bdo\s+you\s+(?:even\s+)?(?:know|understand)\s+(?:what|how)\b`,
    why: DOWN,
  },
  {
    category: 'condescension',
    stems: 'rocket hard',
    pattern: String.raw`\b(?:it's|it\s+is|this\s+is|this\s+isn't|it\s+isn't|it's\s+not|this\s+is\s+not)\s+(?:not\s+)?rocket\s+science\b|\bhow\s+hard\s+(?:can|could|is)\s+it\s+(?:be)?\b`,
    why: DOWN,
  },
  {
    category: 'condescension',
    stems: '101',
    pattern: String.raw`\b(?:programming|coding|cs|java|python|javascript|git|c\+\+|go|rust|sql)\s+101\b`,
    why: DOWN,
  },
  {
    category: 'condescension',
    stems: 'learn rtfm manual lmgtfy',
    pattern: String.raw`\blearn\s+(?:how\s+)?to\s+(?:code|program|read|write\s+code|use\s+git|google)\b|\brtfm\b|\bread\s+the\s+(?:fine|fucking|f\w*)\s+manual\b|\blmgtfy\b`,
    why: DOWN,
  },
  {
    category: 'condescension',
    stems: 'told time',
    pattern: String.raw`\b(?:i(?:'ve)?\s+(?:already|have\s+already)\s+(?:told|explained\s+(?:this\s+)?to)\s+you|for\s+the\s+(?:nth|n-th|last|hundredth|umpteenth|third|fourth|fifth|tenth|millionth)\s+time|how\s+many\s+times\s+(?:do|must|have)\s+(?:i|we))\b`,
    why: DOWN,
  },
  {
    category: 'condescension',
    stems: 'basic elementary trivial common sense',
    pattern: String.raw`\b(?:basic|elementary|trivial)\s+(?:stuff|knowledge|programming|computer\s+science|common\s+sense)\b|\bcommon\s+sense\b`,
    why: DOWN,
  },

  // --- sarcasm markers ----------------------------------------------------------------------------
  { category: 'sarcasm', stems: '/s', pattern: String.raw`(?:^|\s)\/s\s*$`, why: SARCASM, replace: '' },
  {
    category: 'sarcasm',
    stems: 'yeah said thanks luck clap try',
    pattern: String.raw`\byeah,?\s+right\b|\bsaid\s+no\s+one\s+ever\b|\bthanks\s+for\s+nothing\b|\bgood\s+luck\s+with\s+that\b|\bslow\s+clap\b|\bnice\s+try\b`,
    why: SARCASM,
  },
  { category: 'sarcasm', stems: 'could', pattern: String.raw`\bwhat\s+could\s+(?:possibly|ever|go)\s+(?:go\s+)?wrong\b`, why: SARCASM },
  {
    category: 'sarcasm',
    stems: 'oh',
    pattern: String.raw`\boh,?\s+(?:great|wonderful|brilliant|nice|perfect|joy|goody|fantastic|lovely|sure)\b(?=\s*[.,!…]|\s+another\b|\s+more\b)`,
    why: SARCASM,
  },
  {
    category: 'sarcasm',
    stems: 'congrat done job work bravo',
    pattern: String.raw`\b(?:congrat(?:s|ulations)|well\s+done|nice\s+(?:job|work)|great\s+(?:job|work)|bravo),?\s+(?:you\s+)?(?:just\s+)?(?:broke|broken|breaking|managed\s+to\s+break|killed|ruined)\b`,
    why: SARCASM,
  },
  {
    category: 'sarcasm',
    stems: 'genius',
    pattern: String.raw`\b(?:what\s+a\s+(?:genius|brilliant|great|wonderful)\s+(?:idea|move|plan|design|solution)(?=\s*[.!…]?\s*(?:not|\/s|🙄|$)))|\bgenius(?=\s*[.!…]*\s*(?:🙄|:roll_eyes:|\/s))`,
    why: SARCASM,
  },
  {
    category: 'sarcasm',
    stems: '🙄 roll 🤦 facepalm smh clown 🤡 🤮 vomit 🖕 middle 💩 poop hankey',
    pattern: String.raw`🙄|:roll_?eyes:|🤦(?:\u200d[♂♀]\ufe0f?)?|:facepalm:|\bfacepalm\b|\bsmh\b|:clown(?:_face)?:|🤡|🤮|:vomiting(?:_face)?:|:face_vomiting:|🖕|:middle_finger:|💩|:poop:|:hankey:`,
    why: SARCASM,
    replace: '',
  },
  {
    category: 'sarcasm',
    stems: 'sure certain',
    pattern: String.raw`\bi'?m\s+(?:sure|certain)\s+(?:this|that|it)\s+(?:will|is\s+going\s+to)\s+(?:work|go)\s+(?:great|well|fine|perfectly)\b`,
    why: SARCASM,
  },
];
