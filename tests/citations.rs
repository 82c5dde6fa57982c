//! Table-driven citation tests: (text, expected citations) for every shape of citation
//! seen in decisions, and for every phrase that must not be taken for one.
//!
//! Each expectation is (exact text of the citation, instrument, provisions).

use ombudsman::find_citations;

type Want = (&'static str, &'static str, &'static [&'static str]);

const MHA: &str = "Mental Health Act 1983";
const LGA: &str = "Local Government Act 1974";
const HSCA: &str = "Health Service Commissioners Act 1993";

#[rustfmt::skip]
const CASES: &[(&str, &[Want])] = &[
    // --- Acts with and without a year -------------------------------------------------
    ("He was detained under the Mental Health Act 1983.", &[("Mental Health Act 1983", MHA, &[])]),
    ("The council has duties under the Care Act.", &[("Care Act", "Care Act 2014", &[])]),
    ("she asked for an assessment under the care act", &[("care act", "Care Act 2014", &[])]),
    ("The Children Act 1989 requires councils to safeguard children.", &[("Children Act 1989", "Children Act 1989", &[])]),
    ("under the Rent (Scotland) Act, 1977 the tenancy", &[("Rent (Scotland) Act, 1977", "Rent (Scotland) Act 1977", &[])]),
    ("The Social Services and Well-being (Wales) Act 2014 applies in Wales.", &[("Social Services and Well-being (Wales) Act 2014", "Social Services and Well-being (Wales) Act 2014", &[])]),
    ("the Housing Grants, Construction and Regeneration Act 1996 governs grants", &[("Housing Grants, Construction and Regeneration Act 1996", "Housing Grants, Construction and Regeneration Act 1996", &[])]),
    ("The Equality Act 2010 protects disabled people.", &[("Equality Act 2010", "Equality Act 2010", &[])]),
    ("The Human Rights Act 1998 applies.", &[("Human Rights Act 1998", "Human Rights Act 1998", &[])]),
    ("under the Mental Capacity Act 2005 a person", &[("Mental Capacity Act 2005", "Mental Capacity Act 2005", &[])]),
    ("under the Mental Capacity Act a person", &[("Mental Capacity Act", "Mental Capacity Act 2005", &[])]),
    ("The Data Protection Act 2018 gives rights.", &[("Data Protection Act 2018", "Data Protection Act 2018", &[])]),
    ("The Town and Country Planning Act 1990 sets out", &[("Town and Country Planning Act 1990", "Town and Country Planning Act 1990", &[])]),
    ("The Traffic Management Act 2004 allows councils", &[("Traffic Management Act 2004", "Traffic Management Act 2004", &[])]),
    ("the Localism Act 2011 introduced", &[("Localism Act 2011", "Localism Act 2011", &[])]),
    ("The Local Government Finance Act 1992 deals with council tax.", &[("Local Government Finance Act 1992", "Local Government Finance Act 1992", &[])]),
    ("The Environmental Protection Act 1990 covers nuisance.", &[("Environmental Protection Act 1990", "Environmental Protection Act 1990", &[])]),
    ("the Homelessness Reduction Act 2017 amended Part 7", &[("Homelessness Reduction Act 2017", "Homelessness Reduction Act 2017", &[])]),
    ("The Children and Families Act 2014 created EHC plans.", &[("Children and Families Act 2014", "Children and Families Act 2014", &[])]),
    ("under the Education Act 1996 councils must", &[("Education Act 1996", "Education Act 1996", &[])]),
    ("the Housing Act 1985 and the Housing Act 1988", &[("Housing Act 1985", "Housing Act 1985", &[]), ("Housing Act 1988", "Housing Act 1988", &[])]),
    ("The Crime and Disorder Act 1998 requires partnerships.", &[("Crime and Disorder Act 1998", "Crime and Disorder Act 1998", &[])]),
    ("the Chronically Sick and Disabled Persons Act 1970 says", &[("Chronically Sick and Disabled Persons Act 1970", "Chronically Sick and Disabled Persons Act 1970", &[])]),
    ("the Chronically Sick and Disabled Person’s Act 1970 says", &[("Chronically Sick and Disabled Person’s Act 1970", "Chronically Sick and Disabled Persons Act 1970", &[])]),
    ("an Act unknown to the table, the Widget Licensing Act 1931, applies", &[("Widget Licensing Act 1931", "Widget Licensing Act 1931", &[])]),
    ("the Widget Licensing Act applies", &[("Widget Licensing Act", "Widget Licensing Act", &[])]),
    ("He relied on the Housing Act.", &[("Housing Act", "Housing Act", &[])]),
    ("Mr X wants better Mental Health Act assessments.", &[("Mental Health Act", MHA, &[])]),
    ("Under the Mental Health Act, she was detained.", &[("Mental Health Act", MHA, &[])]),
    ("In the Children and Social Work Act 2017 Parliament", &[("Children and Social Work Act 2017", "Children and Social Work Act 2017", &[])]),
    ("the National Health Service Act 2006 sets duties", &[("National Health Service Act 2006", "National Health Service Act 2006", &[])]),
    ("the Freedom of Information Act 2000", &[("Freedom of Information Act 2000", "Freedom of Information Act 2000", &[])]),
    ("the Anti-social Behaviour, Crime and Policing Act 2014 created", &[("Anti-social Behaviour, Crime and Policing Act 2014", "Anti-social Behaviour, Crime and Policing Act 2014", &[])]),
    // --- Statutory instruments --------------------------------------------------------
    ("The Care and Support (Eligibility Criteria) Regulations 2015 set the threshold.", &[("Care and Support (Eligibility Criteria) Regulations 2015", "Care and Support (Eligibility Criteria) Regulations 2015", &[])]),
    ("the Special Guardianship Regulations require a report", &[("Special Guardianship Regulations", "Special Guardianship Regulations 2005", &[])]),
    ("The Housing Benefit Regulations 2006 define income.", &[("Housing Benefit Regulations 2006", "Housing Benefit Regulations 2006", &[])]),
    ("the Health and Social Care Act 2008 (Regulated Activities) Regulations 2014 set standards", &[("Health and Social Care Act 2008 (Regulated Activities) Regulations 2014", "Health and Social Care Act 2008 (Regulated Activities) Regulations 2014", &[])]),
    ("The Council Tax (Administration and Enforcement) Regulations 1992 apply.", &[("Council Tax (Administration and Enforcement) Regulations 1992", "Council Tax (Administration and Enforcement) Regulations 1992", &[])]),
    ("The Homelessness (Suitability of Accommodation) (England) Order 2012 applies.", &[("Homelessness (Suitability of Accommodation) (England) Order 2012", "Homelessness (Suitability of Accommodation) (England) Order 2012", &[])]),
    ("the Widget (Fees) Regulations 2019 set fees", &[("Widget (Fees) Regulations 2019", "Widget (Fees) Regulations 2019", &[])]),
    ("The Care and Support (Charging and Assessment of Resources) Regulations 2014 apply.", &[("Care and Support (Charging and Assessment of Resources) Regulations 2014", "Care and Support (Charging and Assessment of Resources) Regulations 2014", &[])]),
    ("The Children Act 1989 Representations Procedure (England) Regulations 2006 set the stages.", &[("Children Act 1989 Representations Procedure (England) Regulations 2006", "Children Act 1989 Representations Procedure (England) Regulations 2006", &[])]),
    ("regulation 15 of the Housing Benefit Regulations 2006", &[("regulation 15 of the Housing Benefit Regulations 2006", "Housing Benefit Regulations 2006", &["reg 15"])]),
    ("The Care and Support (Assessment) Regulations 2014, regulation 3, apply", &[("Care and Support (Assessment) Regulations 2014, regulation 3", "Care and Support (Assessment) Regulations 2014", &["reg 3"])]),
    // --- Provisions before the instrument -----------------------------------------------
    ("section 117 of the Mental Health Act 1983", &[("section 117 of the Mental Health Act 1983", MHA, &["s117"])]),
    ("Section 2 of the Mental Health Act 1983", &[("Section 2 of the Mental Health Act 1983", MHA, &["s2"])]),
    ("section 117 of the Mental Health Act imposes a duty", &[("section 117 of the Mental Health Act", MHA, &["s117"])]),
    ("Part 7 of the Housing Act 1996 deals with homelessness", &[("Part 7 of the Housing Act 1996", "Housing Act 1996", &["Part 7"])]),
    ("Part VII of the Housing Act 1996", &[("Part VII of the Housing Act 1996", "Housing Act 1996", &["Part VII"])]),
    ("paragraph 19B of Schedule 2 to the Housing Act 1996", &[("paragraph 19B of Schedule 2 to the Housing Act 1996", "Housing Act 1996", &["Sch 2 para 19B"])]),
    ("s.188 of the Housing Act 1996", &[("s.188 of the Housing Act 1996", "Housing Act 1996", &["s188"])]),
    ("s.19 Education Act 1996", &[("s.19 Education Act 1996", "Education Act 1996", &["s19"])]),
    ("s.42 Children and Families Act 2014", &[("s.42 Children and Families Act 2014", "Children and Families Act 2014", &["s42"])]),
    ("section 17 of the Children Act 1989", &[("section 17 of the Children Act 1989", "Children Act 1989", &["s17"])]),
    ("sections 2, 3 or 4 of the Mental Health Act 1983", &[("sections 2, 3 or 4 of the Mental Health Act 1983", MHA, &["s2", "s3", "s4"])]),
    ("sections 20 and 22 of the Children Act 1989", &[("sections 20 and 22 of the Children Act 1989", "Children Act 1989", &["s20", "s22"])]),
    ("section 149 of the Equality Act 2010", &[("section 149 of the Equality Act 2010", "Equality Act 2010", &["s149"])]),
    ("under section 42 of the Care Act 2014", &[("section 42 of the Care Act 2014", "Care Act 2014", &["s42"])]),
    ("section 508B of the Education Act 1996", &[("section 508B of the Education Act 1996", "Education Act 1996", &["s508B"])]),
    ("Section 7, Education Act 1996", &[("Section 7, Education Act 1996", "Education Act 1996", &["s7"])]),
    ("article 8 of the Human Rights Act 1998", &[("article 8 of the Human Rights Act 1998", "Human Rights Act 1998", &["art 8"])]),
    ("sections 2 to 4 of the Mental Health Act 1983", &[("sections 2 to 4 of the Mental Health Act 1983", MHA, &["s2-4"])]),
    ("s117(2) of the Mental Health Act 1983", &[("s117(2) of the Mental Health Act 1983", MHA, &["s117(2)"])]),
    ("s. 117 of the Mental Health Act 1983", &[("s. 117 of the Mental Health Act 1983", MHA, &["s117"])]),
    ("section 11 of the Landlord and Tenant Act 1985", &[("section 11 of the Landlord and Tenant Act 1985", "Landlord and Tenant Act 1985", &["s11"])]),
    ("section 79(1)(a) of the Environmental Protection Act 1990", &[("section 79(1)(a) of the Environmental Protection Act 1990", "Environmental Protection Act 1990", &["s79(1)(a)"])]),
    // --- Provisions after the instrument --------------------------------------------------
    ("(Local Government Act 1974, section 34(3), as amended)", &[("Local Government Act 1974, section 34(3), as amended", LGA, &["s34(3)"])]),
    ("(Local Government Act 1974, sections 26(1) and 26A(1), as amended)", &[("Local Government Act 1974, sections 26(1) and 26A(1), as amended", LGA, &["s26(1)", "s26A(1)"])]),
    ("(Local Government Act 1974, paragraph 5A schedule 5, as amended)", &[("Local Government Act 1974, paragraph 5A schedule 5, as amended", LGA, &["Sch 5 para 5A"])]),
    ("(Local Government Act 1974, section 24A(6) & (7), as amended, section 34(B))", &[("Local Government Act 1974, section 24A(6) & (7), as amended, section 34(B)", LGA, &["s24A(6)", "s24A(7)", "s34(B)"])]),
    ("excluded by Schedule 5 or s26(6) Local Government Act 1974.", &[("Schedule 5 or s26(6) Local Government Act 1974", LGA, &["Sch 5", "s26(6)"])]),
    ("under sections 26(1), (2) and (5) of the Local Government Act 1974", &[("sections 26(1), (2) and (5) of the Local Government Act 1974", LGA, &["s26(1)", "s26(2)", "s26(5)"])]),
    ("(Local Government Act 1974, section 24A(6), as amended, section 34(B))", &[("Local Government Act 1974, section 24A(6), as amended, section 34(B)", LGA, &["s24A(6)", "s34(B)"])]),
    ("(Local Government Act 1974, section 30(1B) and 34H(i), as amended)", &[("Local Government Act 1974, section 30(1B) and 34H(i), as amended", LGA, &["s30(1B)", "s34H(i)"])]),
    ("(Local Government Act 1974, section 26(6)(a), as amended)", &[("Local Government Act 1974, section 26(6)(a), as amended", LGA, &["s26(6)(a)"])]),
    ("(Local Government Act 1974, section 26(6)(c), as amended)", &[("Local Government Act 1974, section 26(6)(c), as amended", LGA, &["s26(6)(c)"])]),
    ("(Local Government Act 1974, sections 26B and 34D, as amended)", &[("Local Government Act 1974, sections 26B and 34D, as amended", LGA, &["s26B", "s34D"])]),
    ("(Local Government Act 1974, section 26D and 34E, as amended)", &[("Local Government Act 1974, section 26D and 34E, as amended", LGA, &["s26D", "s34E"])]),
    ("(Local Government Act 1974, Schedule 5, paragraph 5(2), as amended)", &[("Local Government Act 1974, Schedule 5, paragraph 5(2), as amended", LGA, &["Sch 5 para 5(2)"])]),
    ("(Local Government Act 1974, Schedule 5/5A, paragraph 1/3, as amended)", &[("Local Government Act 1974, Schedule 5/5A, paragraph 1/3, as amended", LGA, &["Sch 5 para 1", "Sch 5A para 3"])]),
    ("(Local Government Act 1974, section 33ZA,as amended)", &[("Local Government Act 1974, section 33ZA,as amended", LGA, &["s33ZA"])]),
    ("[Local Government Act 1974, Schedule 5 (as amended)]", &[("Local Government Act 1974, Schedule 5 (as amended)", LGA, &["Sch 5"])]),
    ("(Health Service Commissioners Act 1993, section 3(2))", &[("Health Service Commissioners Act 1993, section 3(2)", HSCA, &["s3(2)"])]),
    ("(Health Service Commissioners Act 1993, section 18ZA)", &[("Health Service Commissioners Act 1993, section 18ZA", HSCA, &["s18ZA"])]),
    ("(Health Service Commissioners Act 1993, sections 3(4)- 3(7))", &[("Health Service Commissioners Act 1993, sections 3(4)- 3(7)", HSCA, &["s3(4)-3(7)"])]),
    ("(Local Government Act 1974, section 33ZA, as amended, and Health Service Commissioners Act 1993, section 18ZA)", &[("Local Government Act 1974, section 33ZA, as amended", LGA, &["s33ZA"]), ("Health Service Commissioners Act 1993, section 18ZA", HSCA, &["s18ZA"])]),
    ("(Health Service Commissioners Act 1993, section 3(1) and Local Government Act 1974, sections 26(1) and 26A(1), as amended)", &[("Health Service Commissioners Act 1993, section 3(1)", HSCA, &["s3(1)"]), ("Local Government Act 1974, sections 26(1) and 26A(1), as amended", LGA, &["s26(1)", "s26A(1)"])]),
    ("The Care Act 2014 (section 14 and 17) allows charging.", &[("Care Act 2014 (section 14 and 17)", "Care Act 2014", &["s14", "s17"])]),
    ("The Children Act 1989, section 17, requires councils", &[("Children Act 1989, section 17", "Children Act 1989", &["s17"])]),
    ("Local Government Finance Act 1992, section 13A(1)(c) allows", &[("Local Government Finance Act 1992, section 13A(1)(c)", "Local Government Finance Act 1992", &["s13A(1)(c)"])]),
    ("the Road Traffic Regulation Act 1984 section 23 (s23) allows", &[("Road Traffic Regulation Act 1984 section 23 (s23)", "Road Traffic Regulation Act 1984", &["s23"])]),
    ("(Housing Act 1996, section 202)", &[("Housing Act 1996, section 202", "Housing Act 1996", &["s202"])]),
    ("(Local Government Act 1974, sections 26B and 34D)", &[("Local Government Act 1974, sections 26B and 34D", LGA, &["s26B", "s34D"])]),
    // --- Defined abbreviations and short forms -------------------------------------------
    ("detained under Section 3 of the Mental Health Act 1983 (the MHA). Later Section 2 of the MHA was used.", &[("Section 3 of the Mental Health Act 1983 (the MHA)", MHA, &["s3"]), ("Section 2 of the MHA", MHA, &["s2"])]),
    ("Under the Mental Health Act 1983 (MHA), people can be detained. The MHA assessment took place.", &[("Mental Health Act 1983 (MHA)", MHA, &[]), ("The MHA", MHA, &[])]),
    ("the Mental Health Act (MHA) allows detention; the MHA sets limits", &[("Mental Health Act (MHA)", MHA, &[]), ("the MHA", MHA, &[])]),
    ("entitled to aftercare under section 117 (s117) of the MHA. A s117 plan", &[("section 117 (s117) of the MHA", MHA, &["s117"]), ("s117", MHA, &["s117"])]),
    ("The Care Act 2014 (“the 2014 Act”) applies. Under the 2014 Act councils must assess.", &[("Care Act 2014 (“the 2014 Act”)", "Care Act 2014", &[]), ("the 2014 Act", "Care Act 2014", &[])]),
    ("The Children Act 1989 (‘the Act’) applies. Section 17 of the Act is relevant.", &[("Children Act 1989 (‘the Act’)", "Children Act 1989", &[]), ("Section 17 of the Act", "Children Act 1989", &["s17"])]),
    ("The Mental Health Act 1983 says this. Section 3 of the 1983 Act allows detention.", &[("Mental Health Act 1983", MHA, &[]), ("Section 3 of the 1983 Act", MHA, &["s3"])]),
    ("The Care Act 2014 sets duties. The Act says councils must assess.", &[("Care Act 2014", "Care Act 2014", &[]), ("The Act", "Care Act 2014", &[])]),
    ("the Chronically Sick and Disabled Person’s Act (CSDPA) 1970, section 2, requires help. Services under section 2 of the CSDPA include", &[("Chronically Sick and Disabled Person’s Act (CSDPA) 1970, section 2", "Chronically Sick and Disabled Persons Act 1970", &["s2"]), ("section 2 of the CSDPA", "Chronically Sick and Disabled Persons Act 1970", &["s2"])]),
    ("Housing Benefit Regulations 2006 (the Regulations) apply.", &[("Housing Benefit Regulations 2006 (the Regulations)", "Housing Benefit Regulations 2006", &[])]),
    ("the council carried out an s117 MHA review", &[("s117 MHA", MHA, &["s117"])]),
    ("The Mental Capacity Act (the MCA) applies. The MCA says", &[("Mental Capacity Act (the MCA)", "Mental Capacity Act 2005", &[]), ("The MCA", "Mental Capacity Act 2005", &[])]),
    // --- Bare provisions resolved in the document ------------------------------------------
    ("Section 19 of the Education Act 1996 applies. The council's Section 19 duty arose.", &[("Section 19 of the Education Act 1996", "Education Act 1996", &["s19"]), ("Section 19", "Education Act 1996", &["s19"])]),
    ("A s117 plan was agreed. Aftercare under section 117 of the Mental Health Act 1983 is free.", &[("s117", MHA, &["s117"]), ("section 117 of the Mental Health Act 1983", MHA, &["s117"])]),
    ("s.188 of the Housing Act 1996 gives interim duties; s.189 sets priority need.", &[("s.188 of the Housing Act 1996", "Housing Act 1996", &["s188"]), ("s.189", "Housing Act 1996", &["s189"])]),
    ("two Section 12 doctors recommended detention under Section 2 of the Mental Health Act 1983", &[("Section 12", MHA, &["s12"]), ("Section 2 of the Mental Health Act 1983", MHA, &["s2"])]),
    ("the Mental Health Act 1983 applies. He was held under Section 2 and then Section 3.", &[("Mental Health Act 1983", MHA, &[]), ("Section 2", MHA, &["s2"]), ("Section 3", MHA, &["s3"])]),
    ("She asked for a S117 review under the Mental Health Act.", &[("S117", MHA, &["s117"]), ("Mental Health Act", MHA, &[])]),
    // --- Guidance and codes of practice ------------------------------------------------------
    ("the Care and Support Statutory Guidance says councils should", &[("Care and Support Statutory Guidance", "Care and Support Statutory Guidance", &[])]),
    ("paragraph 10.27 of the Care and Support Statutory Guidance", &[("paragraph 10.27 of the Care and Support Statutory Guidance", "Care and Support Statutory Guidance", &["para 10.27"])]),
    ("the SEND Code of Practice says", &[("SEND Code of Practice", "SEND Code of Practice: 0 to 25 years", &[])]),
    ("the Mental Health Act Code of Practice says", &[("Mental Health Act Code of Practice", "Mental Health Act 1983: Code of Practice", &[])]),
    ("The Homelessness Code of Guidance sets out", &[("Homelessness Code of Guidance", "Homelessness Code of Guidance", &[])]),
    ("the School Admissions Code requires", &[("School Admissions Code", "School Admissions Code", &[])]),
    ("the Schools Admissions Appeals Code says", &[("Schools Admissions Appeals Code", "Schools Admissions Appeals Code", &[])]),
    // --- Mixed, realistic paragraphs -----------------------------------------------------------
    ("The law says we cannot normally investigate a complaint when someone can appeal to a tribunal. (Local Government Act 1974, section 26(6)(a), as amended)", &[("Local Government Act 1974, section 26(6)(a), as amended", LGA, &["s26(6)(a)"])]),
    ("We investigate complaints about ‘maladministration’ and ‘service failure’. (Local Government Act 1974, sections 26(1) and 26A(1), as amended) The Care Act 2014 applies.", &[("Local Government Act 1974, sections 26(1) and 26A(1), as amended", LGA, &["s26(1)", "s26A(1)"]), ("Care Act 2014", "Care Act 2014", &[])]),
    ("Under the Education Act 1996, councils must arrange suitable education (section 19).", &[("Education Act 1996", "Education Act 1996", &[]), ("section 19", "Education Act 1996", &["s19"])]),
    ("The Children Act 1989, section 17, requires councils to assess. All disabled children are entitled to an assessment under section 17.", &[("Children Act 1989, section 17", "Children Act 1989", &["s17"]), ("section 17", "Children Act 1989", &["s17"])]),
    ("Ms X says the Council breached the Equality Act 2010 and the Human Rights Act 1998.", &[("Equality Act 2010", "Equality Act 2010", &[]), ("Human Rights Act 1998", "Human Rights Act 1998", &[])]),
    ("Ms X relies on the Data Protection Act 1998, which the Data Protection Act 2018 replaced.", &[("Data Protection Act 1998", "Data Protection Act 1998", &[]), ("Data Protection Act 2018", "Data Protection Act 2018", &[])]),
    ("Noise can be a statutory nuisance (Environmental Protection Act 1990, section 79).", &[("Environmental Protection Act 1990, section 79", "Environmental Protection Act 1990", &["s79"])]),
    ("Councils can issue penalty charge notices under the Traffic Management Act 2004 and regulation 10 of the Widget (Fees) Regulations 2019.", &[("Traffic Management Act 2004", "Traffic Management Act 2004", &[]), ("regulation 10 of the Widget (Fees) Regulations 2019", "Widget (Fees) Regulations 2019", &["reg 10"])]),
    ("The Localism Act 2011, section 1, gives a general power.", &[("Localism Act 2011, section 1", "Localism Act 2011", &["s1"])]),
    ("Ms X complained under the Local Authority Social Services and National Health Service Complaints (England) Regulations 2009.", &[("Local Authority Social Services and National Health Service Complaints (England) Regulations 2009", "Local Authority Social Services and National Health Service Complaints (England) Regulations 2009", &[])]),
    ("In 2015 Parliament passed the Widget Act 2015.", &[("Widget Act 2015", "Widget Act 2015", &[])]),
    ("Both the Care Act and the Mental Health Act apply.", &[("Care Act", "Care Act 2014", &[]), ("Mental Health Act", MHA, &[])]),
    ("Under section 20 of the Children Act 1989 and section 17 of the same Act", &[("section 20 of the Children Act 1989", "Children Act 1989", &["s20"]), ("section 17 of the same Act", "Children Act 1989", &["s17"])]),
    ("The Care Act 2014 and the Care and Support (Eligibility Criteria) Regulations 2015 set out eligibility.", &[("Care Act 2014", "Care Act 2014", &[]), ("Care and Support (Eligibility Criteria) Regulations 2015", "Care and Support (Eligibility Criteria) Regulations 2015", &[])]),
    ("the Housing Act 1996 (the 1996 Act) applies; under the 1996 Act the council must", &[("Housing Act 1996 (the 1996 Act)", "Housing Act 1996", &[]), ("the 1996 Act", "Housing Act 1996", &[])]),
    ("Under the Housing (Wales) Act 2014 councils in Wales must help.", &[("Housing (Wales) Act 2014", "Housing (Wales) Act 2014", &[])]),
    ("the council\u{a0}applied the Care\u{a0}Act\u{a0}2014", &[("Care\u{a0}Act\u{a0}2014", "Care Act 2014", &[])]),
    // --- Bare sections that name their Act by the words after them ---------------------------
    ("Miss X asked for section 117 aftercare after her discharge.", &[("section 117", MHA, &["s117"])]),
    ("She had s117 after-care from the Trust.", &[("s117", MHA, &["s117"])]),
    ("The Council delayed a section 17 assessment of her son.", &[("section 17", "Children Act 1989", &["s17"])]),
    ("It did not follow its s47 enquiries procedure.", &[("s47", "Children Act 1989", &["s47"])]),
    ("The child was accommodated under a section 20 agreement? No: section 20 accommodation ended.", &[("section 20", "Children Act 1989", &["s20"])]),
    ("The Council did not consider its Section 19 duty to Y.", &[("Section 19", "Education Act 1996", &["s19"])]),
    ("The Council's s42 enquiry found no abuse.", &[("s42", "Care Act 2014", &["s42"])]),
    // the idiom outranks the nearest Act, and the same provision cited with another Act
    ("The Care Act 2014 applies to her care. She also needs section 117 aftercare.", &[("Care Act 2014", "Care Act 2014", &[]), ("section 117", MHA, &["s117"])]),
    ("Section 117 of the Mental Health Act 1983 applies. Her section 117 aftercare stopped.", &[("Section 117 of the Mental Health Act 1983", MHA, &["s117"]), ("section 117", MHA, &["s117"])]),
    ("The Council began a section 42 enquiry. Section 42 of the Children and Families Act 2014 is about plans.", &[("section 42", "Care Act 2014", &["s42"]), ("Section 42 of the Children and Families Act 2014", "Children and Families Act 2014", &["s42"])]),
    // a section of something that is not law
    ("The Mental Health Act 1983 applies. The Council said section 4 of her EHC plan was out of date.", &[("Mental Health Act 1983", MHA, &[])]),
    // written for this test from a knowledge of how decisions cite, not from the corpus
    ("Regulation 12 of the Care and Support (Charging and Assessment of Resources) Regulations 2014 sets out the rules.", &[("Regulation 12 of the Care and Support (Charging and Assessment of Resources) Regulations 2014", "Care and Support (Charging and Assessment of Resources) Regulations 2014", &["reg 12"])]),
    ("Paragraph 3 of Schedule 1 to the Care Act 2014 applies.", &[("Paragraph 3 of Schedule 1 to the Care Act 2014", "Care Act 2014", &["Sch 1 para 3"])]),
    ("Section 13A(1)(c) of the Local Government Finance Act 1992 allows councils to reduce council tax.", &[("Section 13A(1)(c) of the Local Government Finance Act 1992", "Local Government Finance Act 1992", &["s13A(1)(c)"])]),
    ("The Council has duties under sections 2 and 3 of the Chronically Sick and Disabled Persons Act 1970.", &[("sections 2 and 3 of the Chronically Sick and Disabled Persons Act 1970", "Chronically Sick and Disabled Persons Act 1970", &["s2", "s3"])]),
    ("The Mental Capacity Act 2005, section 4, sets out how to decide best interests.", &[("Mental Capacity Act 2005, section 4", "Mental Capacity Act 2005", &["s4"])]),
    ("The MHA Code of Practice gives guidance.", &[("MHA Code of Practice", "Mental Health Act 1983: Code of Practice", &[])]),
    // an acronym with its year after a short section: two letters are enough with the year
    ("The Council refused to carry out a s.17 CA 1989 assessment.", &[("s.17 CA 1989", "Children Act 1989", &["s17"])]),
    ("The Council relied on s.117(2) MHA 1983.", &[("s.117(2) MHA 1983", MHA, &["s117(2)"])]),
    // without the idiom's words, a bare section with no Act to resolve to is not a citation
    ("She asked about section 117.", &[]),
    ("The section 17 of the plan was wrong.", &[]),
    // --- Not citations ---------------------------------------------------------------------------
    ("The Council must act within the law.", &[]),
    ("The Council failed to act promptly.", &[]),
    ("the Rent Acts protected tenants", &[]),
    ("She read A Time to Act, a report.", &[]),
    ("Section F of the plan sets out the provision.", &[]),
    ("This section explains what happened.", &[]),
    ("The doctors decided to section him.", &[]),
    ("I considered the Ombudsman’s Assessment Code.", &[]),
    ("I have considered the Ombudsmen’s assessment code.", &[]),
    ("The Act was not mentioned before.", &[]),
    ("The Council’s 3 officers visited.", &[]),
    ("Mrs X’s 2 children live with her.", &[]),
    ("paragraph three of this statement", &[]),
    ("See paragraph 5 above.", &[]),
    ("He was granted a Special Guardianship Order in 2019.", &[]),
    ("The Council made a Tree Preservation Order.", &[]),
    ("the First Tier Tribunal (Mental Health) heard the appeal", &[]),
    ("The Local Government and Social Care Ombudsman investigates.", &[]),
    ("Our Guidance on Remedies suggests payments.", &[]),
    ("She applied for a Disabled Facilities Grant.", &[]),
    ("The ‘Community Trigger’ process allows a review.", &[]),
    ("The Council’s Rules on allotments apply.", &[]),
    ("Part of the problem was the delay.", &[]),
    ("In Part 2 of this statement I set out the facts.", &[]),
    ("The council had 28 days to act.", &[]),
    ("The parties must act in good faith; the Council and the Trust did.", &[]),
    ("Ms X complains about Act One of the play.", &[]),
    ("The ICB (the ICB) and the Council (the Council) responded.", &[]),
    ("He said the 2014 Act applied, but no Act had been named.", &[]),
    ("Under the Act the Council must do this.", &[]),
    ("Her sons 2 and 3 attend school.", &[]),
    ("The Trust's 24 beds were full.", &[]),
    ("Mrs X had 117 days of care.", &[]),
    ("Mr X is 17 and in Year 12.", &[]),
    ("The Education, Health and Care Plan (EHCP) was late.", &[]),
    ("An Approved Mental Health Professional (AMHP) attended.", &[]),
    ("The Blue Badge scheme is run by councils.", &[]),
    ("The Council’s Housing Allocations Policy says", &[]),
    ("Her Care and Support Plan was reviewed.", &[]),
    ("Council Tax Reduction was refused.", &[]),
];

fn check(text: &str, want: &[Want]) -> Result<(), String> {
    let got = find_citations(text);
    let got_view: Vec<(String, String, Vec<String>)> = got
        .iter()
        .map(|c| {
            (
                c.text.clone(),
                c.instrument.as_deref().unwrap_or_default().to_string(),
                c.provisions.clone(),
            )
        })
        .collect();
    let want_view: Vec<(String, String, Vec<String>)> = want
        .iter()
        .map(|(t, i, p)| {
            (
                t.to_string(),
                i.to_string(),
                p.iter().map(|s| s.to_string()).collect(),
            )
        })
        .collect();
    for c in &got {
        if text[c.start..c.end] != c.text {
            return Err(format!("span of {:?} does not hold", c.text));
        }
    }
    if got_view == want_view {
        Ok(())
    } else {
        Err(format!(
            "in {text:?}\n  want {want_view:?}\n  got  {got_view:?}"
        ))
    }
}

#[test]
fn table_of_citation_cases() {
    assert!(CASES.len() >= 150, "{} cases", CASES.len());
    let failures: Vec<String> = CASES
        .iter()
        .filter_map(|(text, want)| check(text, want).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn canonical_cites_and_links() {
    let c = &find_citations("section 117 of the Mental Health Act 1983")[0];
    assert_eq!(c.cite().as_deref(), Some("MHA 1983 s117"));
    assert_eq!(c.legislation_id(), Some("ukpga/1983/20"));
    assert_eq!(
        c.url().as_deref(),
        Some("https://www.legislation.gov.uk/ukpga/1983/20/section/117")
    );
    assert_eq!(c.url_at_date(), None);
    let c = &find_citations("paragraph 19B of Schedule 2 to the Housing Act 1996")[0];
    assert_eq!(
        c.url().as_deref(),
        Some("https://www.legislation.gov.uk/ukpga/1996/52/schedule/2/paragraph/19B")
    );
    let c = &find_citations("Part 7 of the Housing Act 1996")[0];
    assert_eq!(
        c.url().as_deref(),
        Some("https://www.legislation.gov.uk/ukpga/1996/52/part/7")
    );
    let c = &find_citations(
        "regulation 3 of the Care and Support (Eligibility Criteria) Regulations 2015",
    )[0];
    assert_eq!(c.cite().as_deref(), Some("SI 2015/313 reg 3"));
    assert_eq!(
        c.url().as_deref(),
        Some("https://www.legislation.gov.uk/uksi/2015/313/regulation/3")
    );
    // an instrument whose id the table could not verify has no id and no link
    let c = &find_citations("the Homelessness Reduction Act 2017")[0];
    assert_eq!((c.legislation_id(), c.url().as_deref()), (None, None));
    assert_eq!(c.cite().as_deref(), Some("HRA 2017"));
    // an instrument not in the table is still extracted, without an id
    let c = &find_citations("the Widget Licensing Act 1931")[0];
    assert_eq!(
        (
            c.instrument.as_deref(),
            c.cite().as_deref(),
            c.url().as_deref()
        ),
        (Some("Widget Licensing Act 1931"), Some("WLA 1931"), None)
    );
}

#[test]
fn a_bare_section_resolved_by_its_idiom_is_resolved_from_the_table() {
    let cites = find_citations("She needs section 117 aftercare.");
    assert_eq!(cites.len(), 1);
    assert_eq!(cites[0].resolution, ombudsman::Resolution::Table);
    assert_eq!(cites[0].cite().as_deref(), Some("MHA 1983 s117"));
    assert_eq!(
        cites[0].url().as_deref(),
        Some("https://www.legislation.gov.uk/ukpga/1983/20/section/117")
    );
}

#[test]
fn resolution_is_recorded() {
    use ombudsman::Resolution::*;
    let text = "A s117 plan. Section 3 of the Mental Health Act 1983 (the MHA) and section 117 of the MHA. \
                The Mental Health Act applies. The Care Act applies.";
    let got: Vec<_> = find_citations(text)
        .iter()
        .map(|c| (c.text.clone(), c.resolution))
        .collect();
    assert_eq!(
        got,
        vec![
            ("s117".to_string(), LaterMention),
            (
                "Section 3 of the Mental Health Act 1983 (the MHA)".to_string(),
                Explicit
            ),
            ("section 117 of the MHA".to_string(), Abbreviation),
            ("Mental Health Act".to_string(), EarlierMention),
            ("Care Act".to_string(), Table),
        ]
    );
    assert_eq!(find_citations(text)[1].defines.as_deref(), Some("MHA"));
}

#[test]
fn regression_a_defined_abbreviation_with_a_non_breaking_space_does_not_panic() {
    // found by the property test: "(the\u{a0}’ MHA)" after a name
    let text = "the Mental Health Act 1983 (the\u{a0}’\u{feff} MHA) applies";
    let cites = find_citations(text);
    assert_eq!(
        cites[0].instrument.as_deref(),
        Some("Mental Health Act 1983")
    );
}
