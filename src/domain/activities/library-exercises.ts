import type { BuiltinLibraryItem } from './library-builtin.ts';

/**
 * The group exercises Sira ships, with instructions a facilitator can read out as they are.
 * Instructions are in French, the working language of trainings in Mali and Burkina Faso;
 * titles and descriptions are in the three languages.
 */
export const BUILTIN_EXERCISES: readonly BuiltinLibraryItem[] = [
  {
    builtinKey: 'exercise_checkpoint_role_play',
    kind: 'exercise',
    title: { fr: 'Jeu de rôle : un contrôle routier avec une victime possible', en: 'Role play: a checkpoint encounter with a possible victim', bm: 'Tulon: sira kan lajɛli ni tɔɔrɔbaga dɔ ye' },
    description: {
      fr: "Un agent contrôle un minibus ; une jeune femme n'a pas ses papiers, c'est l'accompagnateur qui parle pour elle. Les participants s'exercent à repérer les indicateurs et à réagir sans mettre la personne en danger.",
      en: 'An officer checks a minibus; a young woman has no papers and the man travelling with her answers for her. Participants practise spotting indicators and responding without putting her at risk.',
      bm: 'Lakanabaga bɛ mobili dɔ lajɛ; muso dɔ t\'a ka sɛbɛnw ye, cɛ min bɛ ni a ye, o de bɛ kuma a nɔ na. Sendonbagaw bɛ taamasiyɛnw dɔnni degi ani ka a lakana.',
    },
    content: {
      kind: 'exercise',
      exerciseType: 'role_play',
      instructions:
        "Groupes de 4 : un agent, la jeune femme, l'accompagnateur, un observateur. 10 minutes de jeu, puis 10 minutes de retour.\n" +
        "1. L'agent fait le contrôle comme d'habitude.\n" +
        "2. Il remarque les signes (elle ne parle pas, il garde ses papiers, elle ne sait pas où elle va) et trouve un moyen de lui parler seule, dans un lieu calme.\n" +
        "3. Il lui explique ce qui peut l'aider, sans promettre ce qu'il ne peut pas tenir, et demande son accord avant d'appeler le point focal.\n" +
        "L'observateur note ce qui a aidé la personne et ce qui aurait pu la mettre en danger. Retour en plénière : quels indicateurs, quels gestes, qui appeler.",
      materials: ['Fiches de rôles (une par personne)', "Grille d'observation", "Liste des points focaux de la région (annuaire Sira imprimé)"],
    },
    audiences: ['security_forces'],
  },
  {
    builtinKey: 'exercise_bougouni_case_study',
    kind: 'exercise',
    title: { fr: 'Étude de cas : une fille en transit à la gare routière de Bougouni', en: 'Case study: a girl in transit at Bougouni bus station', bm: 'Ko sɛgɛsɛgɛli: npogotigi dɔ Bugunin mobili jɔyɔrɔ la' },
    description: {
      fr: "Aminata, 15 ans, attend seule un car pour la frontière ; une « tante » lui a promis un travail de ménage à l'étranger. Les groupes analysent la situation et décident des étapes d'orientation.",
      en: 'Aminata, 15, waits alone for a coach to the border; an "aunt" promised her housework abroad. Groups analyse the situation and decide on the referral steps.',
      bm: 'Aminata, san 15, bɛ mobili makɔnɔ a kelen na ka taa dancɛ la; « tenen » dɔ ye baara layidu ta a ye jamana wɛrɛ la. Jɛkuluw bɛ ko sɛgɛsɛgɛ ka bilasirali taabolo latigɛ.',
    },
    content: {
      kind: 'exercise',
      exerciseType: 'case_study',
      instructions:
        'Groupes de 5 à 6, 30 minutes, puis restitution de 5 minutes par groupe.\n' +
        '1. Lisez le cas. Relevez les éléments qui font penser à la traite (acte, but ; rappel : pour un enfant, aucun moyen n\'est nécessaire).\n' +
        '2. Aminata est-elle un enfant non accompagné ? Qui doit être informé en premier ?\n' +
        '3. Écrivez les étapes, dans l\'ordre : mise en sécurité, écoute, consentement (adapté à son âge), orientation vers la protection de l\'enfance, suivi.\n' +
        "4. Qu'est-ce qu'il ne faut surtout pas faire ?",
      materials: ['Texte du cas (une copie par groupe)', 'Tableau de papier et marqueurs', 'Circuit de référencement de la région'],
    },
    audiences: ['community_leaders', 'women', 'youth', 'security_forces', 'partners'],
  },
  {
    builtinKey: 'exercise_referral_simulation',
    kind: 'exercise',
    title: { fr: 'Simulation : orienter une personne à travers le circuit', en: 'Simulation: referring a person through the pathway', bm: 'Kɛcogo degi: mɔgɔ bilasirali taabolo kɔnɔ' },
    description: {
      fr: "Chaque participant représente un service (police, action sociale, santé, ONG d'accueil, aide juridique). Une personne fictive circule de service en service ; on repère les ruptures et les délais.",
      en: 'Each participant stands for a service (police, social welfare, health, shelter NGO, legal aid). A fictitious person moves from service to service; the group spots breaks and delays.',
      bm: 'Sendonbaga kelen-kelen bɛ dɛmɛ baarakɛyɔrɔ dɔ jɔyɔrɔ ta (polisi, sigida dɛmɛ, kɛnɛya, sigiyɔrɔ tɔn, sariya dɛmɛ). Mɔgɔ dɔ bɛ taa ka bɔ dɔ la ka taa dɔ wɛrɛ la; jɛkulu bɛ tigɛyɔrɔw ni mɔnɛw ye.',
    },
    content: {
      kind: 'exercise',
      exerciseType: 'simulation',
      instructions:
        "Disposez les chaises en cercle, une pancarte par service. 40 minutes.\n" +
        "1. Le facilitateur lit la situation de départ (un jeune homme expulsé, blessé, sans argent).\n" +
        "2. Le service qui le reçoit dit ce qu'il fait, ce qu'il transmet (le strict nécessaire, avec accord) et à qui il l'oriente ; une fiche de référencement passe de main en main.\n" +
        "3. À chaque étape, le facilitateur peut ajouter un obstacle (service fermé le week-end, pas de transport, refus de la personne).\n" +
        "4. Bilan : où la personne a-t-elle attendu ? où une information a-t-elle été perdue ou trop partagée ? qu'est-ce qui doit changer localement ?",
      materials: ['Pancartes des services', 'Fiches de référencement vierges', 'Cartes « obstacle »', 'Chronomètre'],
    },
    audiences: ['partners', 'local_authorities', 'security_forces'],
  },
  {
    builtinKey: 'exercise_true_false_questionnaire',
    kind: 'exercise',
    title: { fr: 'Questionnaire vrai ou faux sur la traite et la migration', en: 'True or false quiz on trafficking and migration', bm: 'Tiɲɛ walima nkalon: mɔgɔjago ani tunkan' },
    description: {
      fr: 'Une série d\'affirmations courantes (« un migrant sans papiers n\'a aucun droit », « une personne qui a accepté de partir ne peut pas être victime ») ; chacun se place du côté vrai ou faux, puis on discute.',
      en: 'A series of common statements ("a migrant without papers has no rights", "someone who agreed to leave cannot be a victim"); each person stands on the true or false side, then the group discusses.',
      bm: 'Kuma caman minnu bɛ fɔ (« tunkaranke min t\'a ka sɛbɛnw ye, josariya si t\'a ye », « mɔgɔ min sɔnna ka taa, o tɛ se ka kɛ tɔɔrɔbaga ye »); mɔgɔ kelen-kelen bɛ jɔ tiɲɛ walima nkalon fan fɛ, o kɔ ka baro kɛ.',
    },
    content: {
      kind: 'exercise',
      exerciseType: 'questionnaire',
      instructions:
        "20 à 30 minutes. Marquez un côté « VRAI » et un côté « FAUX » dans la salle.\n" +
        "Lisez une affirmation à la fois ; chacun se déplace. Demandez à une personne de chaque côté d'expliquer son choix, puis donnez la bonne réponse et sa raison.\n" +
        "Affirmations proposées : un migrant sans papiers n'a aucun droit (faux) ; une personne qui a accepté de partir ne peut pas être victime de traite (faux) ; pour un enfant, il y a traite même sans menace ni tromperie (vrai) ; on peut partager le dossier d'une victime avec sa famille sans lui demander (faux).",
      materials: ['Deux affiches « VRAI » et « FAUX »', 'Liste des affirmations avec les réponses'],
    },
    audiences: ['community_leaders', 'religious_leaders', 'women', 'youth', 'migrants'],
  },
  {
    builtinKey: 'exercise_local_mechanisms_presentation',
    kind: 'exercise',
    title: { fr: 'Présentation en groupes des mécanismes locaux', en: 'Group presentation of local mechanisms', bm: 'Jɛkuluw ka yɔrɔ bolodacogow jira' },
    description: {
      fr: "Par commune ou par cercle, les participants dessinent qui fait quoi localement pour protéger les migrants et les victimes, puis présentent leur carte aux autres groupes.",
      en: 'By commune or district, participants map who does what locally to protect migrants and victims, then present their map to the other groups.',
      bm: 'Komini walima serikili o serikili, sendonbagaw bɛ a jira jɔn bɛ mun kɛ yɔrɔ la ka tunkaranw ni tɔɔrɔbagaw lakana, o kɔ u b\'a jira jɛkulu tɔw la.',
    },
    content: {
      kind: 'exercise',
      exerciseType: 'presentation',
      instructions:
        "Groupes par localité, 30 minutes de préparation, 5 minutes de présentation par groupe.\n" +
        "1. Sur une grande feuille, placez les services et les personnes ressources de votre localité (mairie, action sociale, santé, police ou gendarmerie, ONG, leaders religieux et coutumiers).\n" +
        "2. Reliez par des flèches qui oriente vers qui, et écrivez un numéro de contact quand vous le connaissez.\n" +
        "3. Entourez en rouge ce qui manque ou ne fonctionne pas.\n" +
        "Après les présentations, comparez avec l'annuaire de Sira et notez les services à y ajouter.",
      materials: ['Grandes feuilles de papier', 'Marqueurs de couleur', 'Ruban adhésif', "Extrait imprimé de l'annuaire Sira de la région"],
    },
    audiences: ['local_authorities', 'community_leaders', 'partners'],
  },
  {
    builtinKey: 'exercise_confidentiality_role_play',
    kind: 'exercise',
    title: { fr: 'Jeu de rôle : demander le consentement et garder le secret', en: 'Role play: asking for consent and keeping confidentiality', bm: 'Tulon: sɔnni ɲinini ani gundo marali' },
    description: {
      fr: "Un agent d'accueil reçoit une personne de retour ; un parent, un journaliste puis un chef de quartier demandent des informations sur elle. Les participants s'exercent à dire non poliment.",
      en: 'A reception worker meets a returnee; a relative, a journalist and then a neighbourhood chief ask about them. Participants practise saying no politely.',
      bm: 'Dalajɛ baarakɛla bɛ mɔgɔ dɔ kunbɛn min seginna; a somɔgɔ dɔ, kibaroyalase baarakɛla dɔ ani kinnɛ kuntigi dɔ bɛ kunnafoniw ɲini a ko la. Sendonbagaw bɛ ban fɔcogo ɲuman degi.',
    },
    content: {
      kind: 'exercise',
      exerciseType: 'role_play',
      instructions:
        "Par trois : l'agent, la personne de retour, le demandeur (qui change à chaque tour). Trois tours de 5 minutes.\n" +
        "1. L'agent explique à la personne ce qui sera noté, à qui ce sera transmis et pourquoi, et lui demande son accord ; elle peut refuser une partie.\n" +
        "2. Le demandeur insiste pour savoir. L'agent refuse sans rien confirmer, explique pourquoi et propose de transmettre un message si la personne le veut.\n" +
        "Retour : quelles phrases ont marché ? que faire si la personne est en danger immédiat ?",
      materials: ['Fiches de rôles', 'Exemple de formulaire de consentement'],
    },
    audiences: ['partners', 'community_leaders', 'local_authorities'],
  },
];
