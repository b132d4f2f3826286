"""Action sentences written for the theme classifier's test, in words unlike the samples.

Each was labelled by hand from RECORD_FORMAT's theme table and hard-case rules BEFORE the
classifier was run on it (commit history shows the labels landing first); the figures on
them are reported as they are, not tuned to. Abbreviations keep the table readable.
"""

from __future__ import annotations

R, B, D, T = ("recruitment and promotion", "bullying and harassment", "disciplinary",
              "training and development")
S, N, M, DM = ("board and senior representation", "staff networks",
               "mentoring and reverse mentoring", "data and monitoring")
L, C, P = "leadership and culture", "communications", "policy"

UNSEEN: list[tuple[str, set[str]]] = [
    ("Hold quarterly drop-in sessions where colleagues from minority backgrounds can talk "
     "openly with the Chief Executive about their day-to-day experience at work.", {L}),
    ("Pair each newly qualified nurse from an overseas background with an experienced buddy "
     "for their first six months.", {M}),
    ("Rewrite the grievance procedure in plain English and test it with staff side before it "
     "goes to the Joint Negotiating Committee.", {D, P}),
    ("Produce a six-monthly breakdown of leavers by ethnic group and directorate for the "
     "workforce committee.", {DM}),
    ("Give every porter, cleaner and caterer paid time to attend the Trust's English for "
     "speakers of other languages classes.", {T}),
    ("Ask every vacancy holder to explain in writing when an all-white shortlist goes forward "
     "for a post at 8b or higher.", {R}),
    ("Introduce a yellow-card warning letter for relatives who make racially abusive remarks "
     "to ward staff.", {B}),
    ("Fund the Black and Minority Ethnic network's annual conference and give its co-chairs "
     "two days a month away from clinical duties.", {N}),
    ("Ensure that the Chair and at least two non-executive directors complete a programme on "
     "race and inclusive governance.", {T}),
    ("Add ethnicity to the fields captured when a manager suspends a member of staff, and "
     "review every suspension over four weeks.", {D, DM}),
    ("Run a celebration of South Asian Heritage Month with food, music and stories from staff "
     "across the hospital.", {C}),
    ("Refresh the Equality, Diversity and Human Rights strategy for 2025-2030 and carry out an "
     "equality impact assessment of it.", {P}),
    ("Make the executive team accountable for the race equality outcomes in their "
     "directorates through their personal performance objectives.", {L}),
    ("Appoint a lay member from the local Black community to the nominations committee that "
     "selects new governors.", {S, R}),
    ("Offer shadowing days and stretch projects to minority ethnic Band 6 nurses who want to "
     "become ward sisters.", {T, R}),
    ("Create a confidential helpline that staff can use to report being racially harassed by "
     "a colleague.", {B}),
    ("Stop recording grievances on spreadsheets and move them into the case management system "
     "so that trends by ethnic group can be tracked.", {D, DM}),
    ("Publish the race pay gap alongside the gender pay gap in the annual report.", {DM}),
    ("Set up a cross-site allies programme in which white managers commit to amplifying the "
     "voices of colleagues of colour.", {L}),
    ("Review the flexible working procedure to check it is applied fairly to all ethnic "
     "groups.", {P}),
    ("Share the results of the national staff survey race questions at every team meeting and "
     "agree one local improvement.", {C}),
    ("Ask the Freedom to Speak Up Guardian to run a listening clinic in each community hub.",
     {B, L}),
    ("Train twenty staff as accredited workplace mediators to resolve disputes between "
     "colleagues early.", {B}),
    ("Agree a budget and written terms of reference for the Race Equality Forum.", {N}),
    ("Include a question on race equality in every stay interview and exit survey, and "
     "analyse the answers each quarter.", {DM}),
    ("Remove the requirement for previous NHS experience from job descriptions for "
     "administrative posts.", {R}),
    ("Put structured scoring sheets and a second independent scorer in place for every "
     "consultant interview.", {R}),
    ("Commission an external review of how investigations into BME doctors are carried out "
     "and act on its findings.", {D}),
    ("Give every manager a one-page checklist on responding to a colleague who says they have "
     "experienced racism.", {B}),
    ("Launch a 'Know your rights' poster campaign in staff rooms on how to raise concerns "
     "about discrimination.", {B, C}),
    ("Provide a named senior champion for each divisional minority ethnic staff group.", {N}),
    ("Celebrate Windrush Day with an exhibition of staff photographs in the main atrium.",
     {C}),
    ("Develop a succession plan for every Director post that names at least one minority "
     "ethnic candidate as ready in two years.", {R, S}),
    ("Agree with the Council of Governors a target that by 2027 at least 20% of the Board are "
     "from minority ethnic backgrounds.", {S}),
    ("Run an anonymous pulse survey on belonging every quarter and report the race breakdown "
     "to the People Committee.", {DM, L}),
    ("Fund places for minority ethnic nurses on the Mary Seacole programme.", {T}),
    ("Offer one-to-one coaching from an external coach to every BME consultant applying for a "
     "clinical director role.", {M, R}),
    ("Hold a board development session on the history of racism in the NHS.", {T, L}),
    ("Create a video in which staff describe what it felt like to be shouted at by patients, "
     "and show it in outpatient waiting rooms.", {B, C}),
    ("Update the e-rostering rules so that minority ethnic staff are not disproportionately "
     "given night shifts, and check the allocation monthly.", {P, DM}),
    ("Introduce a fair-treatment review by an HR adviser before any member of staff is moved "
     "to a formal capability hearing.", {D}),
    ("Translate the bullying and harassment reporting guide into the five most common "
     "languages spoken by our staff.", {B}),
]
