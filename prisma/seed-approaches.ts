// The approach library: approaches that real reform write-ups name, each with
// a one-paragraph definition in our own words and a source that describes it
// (found with the project's search tool; every address is the source's own).
// Analysts may propose others, which an admin accepts (modules/admin).
import type { SeedApproach } from "./seed-data";

export const approaches: SeedApproach[] = [
  {
    key: "relational-public-services",
    name: "Relational public services",
    description:
      "An approach to public service in which trusting, human relationships between workers and the people they serve are treated both as the way a service works and as part of what it is trying to achieve. Workers get to know people as whole individuals, including their strengths and what matters to them, instead of handling them through standardised transactions. Supporters trace the idea back to, among other things, Scotland's Christie Commission (2011), and it overlaps with complexity-informed public management.",
    sourceCitation:
      "Toby Lowe and Mark Smith, Joseph Rowntree Foundation, Relational public service can tackle hardship in neighbourhoods, n.d.",
    sourceUrl: "https://jrf.org.uk/neighbourhoods-and-communities/relational-public-service-can-tackle-hardship-in-neighbourhoods",
  },
  {
    key: "human-learning-systems",
    name: "Human Learning Systems",
    description:
      "A complexity-informed way of funding, commissioning and managing public services, developed by Toby Lowe and a network of public and voluntary sector organisations. It starts from the view that outcomes in a person's life come from many interacting factors that no single organisation controls, so services cannot simply be held to predefined targets. Instead it asks services to be Human (build relationships and respond to each person's strengths and needs), to Learn continuously by experimenting, and to nurture healthy Systems in which organisations collaborate; accountability shifts towards showing learning and improvement.",
    sourceCitation:
      "Toby Lowe, Integration and Implementation Insights (i2Insights), Managing complexity with human learning systems, 2023",
    sourceUrl: "https://i2insights.org/2023/01/10/human-learning-systems/",
  },
  {
    key: "vanguard-method",
    name: "Vanguard Method (systems thinking)",
    description:
      "A method for redesigning service organisations developed by psychologist John Seddon and his consultancy Vanguard from the late 1980s, drawing on systems thinking and the work of W. Edwards Deming and Taiichi Ohno. Managers and staff first study the current system ('Check'): its purpose from the customer's point of view, the type and frequency of demand, how work flows, and which work adds value and which is waste, such as 'failure demand' caused by not getting something right the first time. They then redesign the work against that purpose ('Plan') and introduce changes gradually by experiment ('Do'), replacing arbitrary targets with measures tied to purpose. In the UK it has been used by councils, social housing providers and emergency services.",
    sourceCitation: "Vanguard Consulting, Check-Plan-Do (Vanguard Method library: systems principles), n.d.",
    sourceUrl: "https://vanguard-method.net/library/systems-principles/check-plan-do/",
  },
  {
    key: "systemic-design",
    name: "Systemic design",
    description:
      "Using design methods on complex problems that span several organisations and cannot be solved with a single product or service, by working on the wider system of relationships, incentives and values around an issue. In the UK it is closely linked to the Design Council's Systemic Design Framework (2021). The framework keeps the Double Diamond's alternation of divergent and convergent thinking but renames the phases explore, reframe, create and catalyse. It also recognises the 'invisible' work around the design process: setting direction and values, collaboration and connection, leadership and storytelling, and continuing the journey.",
    sourceCitation: "Cat Drew, Design Council, Developing our new Systemic Design Framework, 2021",
    sourceUrl: "https://medium.com/design-council/developing-our-new-systemic-design-framework-e0f74fe118f7",
  },
  {
    key: "asset-based-council-deal",
    name: "Asset-based council 'deal' (e.g. the Wigan Deal)",
    description:
      "A council-wide reform in which a local authority and its partners agree an explicit, informal 'deal' with residents: the council sets out what it will do, and residents are encouraged to contribute to their own communities. The best-known example is the Wigan Deal, developed from 2011 in response to severe funding cuts. It combined asset-based working (building on the strengths of individuals and communities rather than their deficits) with investment in community groups and a culture that let frontline staff redesign their work around conversations with residents ('working with' rather than 'doing to').",
    sourceCitation:
      "The King's Fund, Lessons from the Wigan Deal (project page for A citizen-led approach to health and care: lessons from the Wigan Deal), 2019",
    sourceUrl: "https://www.kingsfund.org.uk/insight-and-analysis/projects/lessons-wigan-deal",
  },
  {
    key: "asset-based-community-development",
    name: "Asset-based community development (ABCD)",
    description:
      "A community-development approach, based on the work of John McKnight and John (Jody) Kretzmann at Northwestern University, that starts from what is strong in a neighbourhood rather than from its needs and problems. Its assets include residents' skills, local associations, physical spaces and institutions. Residents, often helped by community builders or connectors, find and link these assets to act on issues they care about. Public agencies are asked to separate what communities can do themselves, what they need help with, and what only outside agencies can provide.",
    sourceCitation: "Nurture Development, About ABCD, n.d.",
    sourceUrl: "https://www.nurturedevelopment.org/building-communities.html",
  },
  {
    key: "three-conversations",
    name: "Three Conversations (strengths-based adult social care)",
    description:
      "A strengths-based model for adult social care created by the consultancy Partners4Change and adopted by many English councils. It replaces lengthy standard needs assessments with up to three distinct conversations. The first listens to the person and connects them with their own networks and community resources; the second works intensively with people in crisis to make a plan that makes them safe; and the third, used only where longer-term support is still needed, plans that support around what a good life means to the person.",
    sourceCitation:
      "NIHR School for Social Care Research, Getting social care conversations right to improve care and support: exploring evaluation of “The 3 Conversations” in adult social care (project P157), n.d.",
    sourceUrl: "https://www.sscr.nihr.ac.uk/projects/p157/",
  },
  {
    key: "local-area-coordination",
    name: "Local Area Coordination",
    description:
      "A strengths-based approach that began in Western Australia in the late 1980s and has since been taken up by a number of UK councils. Local Area Coordinators are employed by the council but based in a particular neighbourhood, and local people help recruit them. They build trust with individuals and families over time, help them work out what a good life would look like and what is in the way, and support them to use their own skills, relationships and community resources before turning to formal services. The aim is to prevent crises and reduce reliance on services, gradually reshaping the 'front door' to local public services.",
    sourceCitation: "Local Area Coordination Network (Community Catalysts), What is Local Area Coordination?, n.d.",
    sourceUrl: "https://www.communitycatalysts.co.uk/lacnetwork/local-area-coordination/what-is-local-area-coordination/",
  },
  {
    key: "community-led-support",
    name: "Community Led Support",
    description:
      "A programme for redesigning adult social care (and sometimes health) support, run by the National Development Team for Inclusion (NDTi) with councils and health and social care partnerships in England, Wales and Scotland. Participating areas follow shared principles: working with the community to agree what good support looks like, strengths-based practice, a culture of trust and minimal bureaucracy. Each area designs its own local arrangements, with the aim of helping people quickly and close to home rather than through long referral and assessment queues.",
    sourceCitation:
      "National Development Team for Inclusion (NDTi), New report shows Community Led Support leads the way for COVID-19 social care response, 2020",
    sourceUrl: "https://ndti.org.uk/news/new-report-shows-community-led-support-leads-the-way-for-covid-19-social-care-response",
  },
  {
    key: "buurtzorg-self-managing-nursing",
    name: "Self-managing neighbourhood nursing teams (Buurtzorg model)",
    description:
      "A model of community nursing and home care founded in the Netherlands in 2006 by Jos de Blok. Small self-managing teams of nurses each serve a neighbourhood without team leaders or middle managers, supported by coaches and a minimal back office. Nurses take a holistic view of each client, deliver care themselves, work with the person's family, neighbours and GP, and aim to build the client's independence. Several NHS district nursing services in England have piloted adapted versions.",
    sourceCitation:
      "Mary Jo Kreitzer, Karen A. Monsen, Sharda Nandram and Jos de Blok, Buurtzorg Nederland: A Global Model of Social Innovation, Change, and Whole-Systems Healing, Global Advances in Health and Medicine 4(1):40–44, 2015",
    sourceUrl: "https://pmc.ncbi.nlm.nih.gov/articles/PMC4311562",
  },
  {
    key: "enhanced-health-in-care-homes",
    name: "Enhanced health in care homes",
    description:
      "An NHS model of proactive, coordinated health care for people living in care homes. It was developed by six new care models 'vanguard' sites from 2015–16 and rolled out across England from 2020 under the NHS Long Term Plan. Each care home is aligned to a primary care network with a named clinical lead, and residents are prioritised for review in a weekly multidisciplinary 'home round'. Each resident gets a personalised assessment and care and support plan soon after admission, with the aim of improving health and quality of life and avoiding unnecessary hospital admissions.",
    sourceCitation:
      "NHS England, Providing proactive care for people living in care homes – Enhanced health in care homes framework (version 3), 2023",
    sourceUrl:
      "https://www.england.nhs.uk/long-read/providing-proactive-care-for-people-living-in-care-homes-enhanced-health-in-care-homes-framework/",
  },
  {
    key: "integrated-care-multidisciplinary-teams",
    name: "Integrated care through multidisciplinary locality teams",
    description:
      "Joining up health and social care around people with complex or multiple long-term needs, most often through community-based multidisciplinary teams (MDTs). GPs, community nurses, therapists, social workers, pharmacists and sometimes housing or voluntary-sector staff share information and assess and plan care together, usually with a named care coordinator. Some schemes use risk stratification to pick out patients for proactive case management. The aim is more coordinated, person-centred care at home and fewer avoidable hospital admissions, and the approach runs through successive national programmes from integrated care pilots and Pioneers to integrated care systems.",
    sourceCitation:
      "Social Care Institute for Excellence (SCIE), Multidisciplinary teams: Integrating care in places and neighbourhoods, 2018 (updated 2022)",
    sourceUrl: "https://www.scie.org.uk/integrated-care/workforce/role-multidisciplinary-team",
  },
  {
    key: "social-prescribing",
    name: "Social prescribing",
    description:
      "A way for GPs, nurses and other health and care professionals to refer people to non-clinical support in their community, to address the social, emotional or practical problems that affect their health, such as loneliness, debt or poor housing. Usually a link worker (also called a community connector or navigator) spends time with the person to find out what matters to them. The link worker then connects them to activities and services, often run by voluntary and community groups, such as befriending, arts, gardening, exercise or advice. Since 2019 the NHS in England has funded link workers in primary care networks.",
    sourceCitation:
      "Public Health England / Office for Health Improvement and Disparities, Social prescribing: applying All Our Health, 2022 (updated)",
    sourceUrl:
      "http://www.gov.uk/government/publications/social-prescribing-applying-all-our-health/social-prescribing-applying-all-our-health",
  },
  {
    key: "compassionate-communities-primary-care",
    name: "Compassionate communities in primary care (the Frome model)",
    description:
      "An approach to enhanced primary care that combines routine medical care with community development. Frome Medical Practice in Somerset began it in 2013 with the community development service Health Connections Mendip. Paid health connectors and trained volunteer community connectors help patients, especially those who are isolated or living with long-term illness, to strengthen their own networks of family, friends and neighbours and to join local groups and activities, while gaps in community support are identified and filled. The approach rests on evidence that social connection strongly influences health.",
    sourceCitation: "Compassionate Communities UK, The Frome Model, 2021",
    sourceUrl: "https://compassionate-communitiesuk.com/2021/11/28/the-frome-model/",
  },
  {
    key: "shared-lives",
    name: "Shared Lives",
    description:
      "A form of adult social care in which an adult who needs support lives with, or regularly visits, an approved Shared Lives carer and shares their family and community life. Most users have a learning disability, but the model also serves older people and people with mental health needs. Carers are recruited, trained, matched and supported by local Shared Lives schemes, which are registered with the Care Quality Commission in England. It is used as an alternative to care homes or supported living, and also for short breaks, day support and as a stepping stone to independent living.",
    sourceCitation: "NHS (nhs.uk), Shared lives schemes, n.d.",
    sourceUrl: "https://www.nhs.uk/conditions/social-care-and-support/shared-lives/",
  },
  {
    key: "family-drug-and-alcohol-court",
    name: "Family drug and alcohol courts (problem-solving courts)",
    description:
      "An alternative, problem-solving form of care proceedings for parents whose drug or alcohol misuse puts their children at risk, first run in London from 2008. The same specially trained judge hears the case throughout and holds informal fortnightly reviews with the parents without lawyers present. Meanwhile a multidisciplinary team covering substance misuse, mental health and domestic abuse works with the family on an agreed plan during a 'trial for change'. The team then advises the court on whether the parents can safely care for their children.",
    sourceCitation: "FDAC National Partnership, FDAC's theory of change (What is FDAC?), n.d.",
    sourceUrl: "https://fdac.org.uk/fdacs-theory-of-change/",
  },
  {
    key: "whole-family-working",
    name: "Whole-family working (Troubled Families / Supporting Families)",
    description:
      "An approach to families with several interlinked problems, such as poor school attendance, worklessness, domestic abuse, offending or poor health. One keyworker or lead professional builds a relationship with the whole family and coordinates a single plan, instead of separate services each tackling one problem or one family member. In England it was promoted nationally through the Troubled Families programme from 2012, renamed Supporting Families in 2021. The programme paid councils partly by results for family outcomes and also aimed to reshape local early-help systems.",
    sourceCitation: "National Centre for Family Hubs, Supporting Families (toolkit page), n.d.",
    sourceUrl: "https://www.nationalcentreforfamilyhubs.org.uk/toolkits/supporting-families/",
  },
  {
    key: "housing-first",
    name: "Housing First",
    description:
      "A homelessness intervention for people with multiple and complex needs, especially long-term rough sleepers, that offers a settled, independent home straight away. People do not first have to prove they are 'ready' for housing, for example by stopping drinking or engaging with treatment. The home comes with flexible, intensive support for as long as it is needed, which the person chooses whether to use, and housing and support are kept separate. In England the model is defined by seven principles published by Housing First England in 2016.",
    sourceCitation: "Homeless Link (Housing First England), Housing First in England: The Principles, 2016 (listing on Homeless Hub)",
    sourceUrl: "http://homelesshub.ca/resource/housing-first-england-principles?width=500&height=180&inline=true",
  },
  {
    key: "restorative-practice",
    name: "Restorative practice (children's services)",
    description:
      "A relationship-based way of working across children's services, adopted most prominently by Leeds City Council, in which practitioners work 'with' families rather than doing things 'to' or 'for' them. It pairs high support with high challenge. Practitioners use restorative language and processes, notably family group conferences where the wider family makes plans for a child with professionals, to build and repair relationships and help families solve their own problems.",
    sourceCitation: "Leeds City Council, One minute guide: Restorative practice, n.d.",
    sourceUrl: "https://www.leeds.gov.uk/one-minute-guides/restorative-practice",
  },
  {
    key: "signs-of-safety",
    name: "Signs of Safety (child protection practice)",
    description:
      "A strengths-based, safety-organised approach to child protection casework developed in Western Australia in the 1990s by Andrew Turnell and Steve Edwards with front-line workers. Practitioners use a one-page framework to assess danger alongside family strengths and times when the child has been safe. They then work in partnership with parents, children and their wider networks to build a safety plan, and use the same approach from the start of a case to its closure. Many English councils have adopted it, though a 2018 What Works Centre review found little evidence either way on whether it reduces the need for children to enter care.",
    sourceCitation: "Signs of Safety (Elia), What is Signs of Safety, n.d.",
    sourceUrl: "https://signsofsafety.net/what-is-sofs",
  },
  {
    key: "alliance-contracting",
    name: "Alliance contracting",
    description:
      "A commissioning arrangement in which one or more commissioners and a group of provider organisations sign a single contract to deliver a service together. Success, and any financial risk and reward, is judged on the alliance's collective performance against shared outcomes rather than on each provider's own results. Decisions are usually taken unanimously, so large and small partners have an equal say. Lambeth used it for mental health services from 2015 onwards.",
    sourceCitation: "Lambeth Living Well Collaborative, Frequently Asked Questions (What is an alliance contract?), n.d.",
    sourceUrl: "http://lambethcollaborative.org.uk/frequently-asked-questions-faqs",
  },
  {
    key: "police-deferred-prosecution",
    name: "Police-led deferred prosecution (e.g. Checkpoint)",
    description:
      "A police out-of-court route in which an adult who has committed a low-level offence can avoid prosecution by agreeing a contract to tackle the causes of their offending, such as drug or alcohol misuse or mental ill-health. If they complete the contract without reoffending, no further action is taken; if they do not, they can be prosecuted. Durham Constabulary's four-month Checkpoint programme, begun in 2015, is the best-known UK example, and West Midlands Police's Operation Turning Point is an earlier one.",
    sourceCitation: "House of Lords Library, briefing on Durham Constabulary's Checkpoint programme (LLN-2020-0064), 2020",
    sourceUrl: "https://lordslibrary.parliament.uk/research-briefings/lln-2020-0064/",
  },
  {
    key: "school-improvement-partnerships",
    name: "Area-wide school improvement partnerships (London Challenge)",
    description:
      "A targeted, area-wide school improvement programme that uses expert advisers and the leaders of successful schools to support weaker ones, alongside leadership development and partnership between schools, rather than relying mainly on inspection and sanctions. The London Challenge (2003–2011) is the main example. It aimed to reduce the number of underperforming secondary schools, increase the number rated good or outstanding, and improve results for disadvantaged pupils. It was later extended to Greater Manchester and the Black Country as City Challenge.",
    sourceCitation:
      "The King's Fund, Case study 5: The London Challenge (part of Making change possible: a Transformation Fund for the NHS), 2015",
    sourceUrl: "https://www.kingsfund.org.uk/publications/making-change-possible/london-challenge",
  },
  {
    key: "trauma-informed-practice",
    name: "Trauma-informed practice",
    description:
      "An approach to designing and delivering services based on the understanding that experiences of trauma can affect people's neurological, biological, psychological and social development, and therefore how they respond to services. Organisations aim to realise how widespread trauma is, recognise its signs and avoid re-traumatising people. Six principles guide the work: safety, trust, choice, collaboration, empowerment and cultural consideration. In England the Office for Health Improvement and Disparities published a working definition in 2022, based on the US SAMHSA framework.",
    sourceCitation: "Office for Health Improvement and Disparities, Working definition of trauma-informed practice, 2022",
    sourceUrl:
      "https://www.gov.uk/government/publications/working-definition-of-trauma-informed-practice/working-definition-of-trauma-informed-practice#working-definition-of-trauma-informed-practice",
  },
];
