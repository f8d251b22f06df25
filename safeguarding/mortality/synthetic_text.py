"""Synthetic circumstances text for seed_national: short, plain notifier's phrasing per category,
with the emerging hazards whose rise the hazard analysis should find. All invented."""

from safeguarding.child_deaths.models.vocabulary import AgeBand, Category

CIRCUMSTANCES = {
    Category.DELIBERATE_INJURY: [
        "Brought to hospital with head injuries inconsistent with the account given; police informed.",
        "Found with injuries at home; a parent's partner arrested at the scene.",
    ],
    Category.SUICIDE: [
        "Found hanging at home by a family member; known to child and adolescent mental health services.",
        "Died after being struck by a train; messages to friends suggested intent.",
        "Overdose of prescribed medication found in the bedroom; recent self-harm noted by school.",
    ],
    Category.TRAUMA: [
        "Pedestrian struck by a car on the way home from school; road traffic collision.",
        "Passenger in a car in a road traffic collision on a rural road.",
        "Drowning in a river while swimming with friends in hot weather.",
        "Fall from a window of a flat on the fourth floor.",
    ],
    Category.MALIGNANCY: [
        "Died at home with palliative care after relapse of leukaemia.",
        "Brain tumour diagnosed last year; died in the hospice with family present.",
    ],
    Category.ACUTE: [
        "Collapsed with an asthma attack at home; ambulance called, resuscitation unsuccessful.",
        "Sudden abdominal pain; died after emergency surgery for a bowel obstruction.",
        "Anaphylaxis after eating at a friend's house; adrenaline given late.",
    ],
    Category.CHRONIC: [
        "Long-standing cerebral palsy with recurrent chest infections; died in hospital.",
        "Complex epilepsy; found in bed after a prolonged seizure overnight.",
    ],
    Category.CONGENITAL: [
        "Complex congenital heart disease; died after cardiac surgery at the specialist centre.",
        "Known chromosomal anomaly; care was redirected to comfort after discussion with the family.",
    ],
    Category.PERINATAL: [
        "Born at 24 weeks after extreme prematurity; died on the neonatal unit.",
        "Hypoxic ischaemic encephalopathy after a difficult delivery; died on the neonatal unit.",
        "Born at 26 weeks; necrotising enterocolitis on the neonatal unit.",
    ],
    Category.INFECTION: [
        "Sepsis after a short febrile illness; rapid deterioration in the emergency department.",
        "Meningitis; taken to the emergency department with a rash and fever.",
    ],
    Category.SUDDEN_UNEXPLAINED: [
        "Found unresponsive in the morning after co-sleeping on a sofa with a parent.",
        "Found unresponsive in the cot; no cause found at post-mortem.",
    ],
}

# Phrases of emerging hazards: (phrase, category, age bands it strikes, a sentence using it).
HAZARDS = [
    (
        "button battery",
        Category.ACUTE,
        [AgeBand.YEARS_1_TO_4],
        "Swallowed a button battery from a toy remote control; bleeding days later.",
    ),
    (
        "nappy sack",
        Category.SUDDEN_UNEXPLAINED,
        [AgeBand.DAYS_28_TO_364],
        "Found unresponsive with a nappy sack over the face in the cot.",
    ),
    (
        "blind cord",
        Category.TRAUMA,
        [AgeBand.YEARS_1_TO_4],
        "Found caught in a looped blind cord by the bedroom window.",
    ),
]
