"""Home addresses: a street line in English, German and Dutch or Romance form, with its
postcode, that the words around it place at someone's home rather than an office."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbassist.hygiene.emails import sent_from_a_firm
from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.regex_guard import guarded

EN_STREET_TYPES = (
    r"Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Way|Court|Ct|Crescent|Cres|Place|Pl"
    r"|Boulevard|Blvd|Terrace|Gardens|Grove|Row|Square|Hill|Mews|View|Rise|Walk|Green|Parade"
    r"|Wynd|Brae|Vennel|Loan"  # Scottish streets (session 6)
    # an Irish or British housing estate, not a business park: "9 Rathmore Park" (session 12)
    r"|(?<!Business )(?<!Retail )(?<!Science )(?<!Industrial )(?<!Technology )(?<!Enterprise )"
    r"(?<!Trade )(?<!Office )(?<!Car )(?<!Leisure )(?<!Innovation )(?<!Holiday )Park"
)
# Welsh and Irish streets name the street type first: "14 Heol y Felin", "3 Bóthar na Trá".
_CELTIC_STREET_WORDS = r"Heol|Ffordd|Stryd|Lôn|Bóthar|Sráid"
_STREET_CELTIC = (
    rf"\b\d{{1,5}},?\s+(?:{_CELTIC_STREET_WORDS})\s+(?:[\w'’-]+\s+){{0,2}}[A-Z][\w'’-]+"
)
# an American street may open with its direction: "418 W Pine St" (session 12)
_STREET_EN = (
    rf"\b\d{{1,5}}[A-Za-z]?,?\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w'’-]+\s+){{1,3}}"
    rf"(?:{EN_STREET_TYPES})\b\.?"
)
_DE_NL_STREET_TYPES = (
    r"straße|strasse|str\.|weg|gasse|allee|platz"
    r"|ring|damm|ufer|straat|laan|plein|gracht|kade|singel|dijk|steeg|hof"
    # Swedish, Danish and Norwegian: "Björkvägen 11, 184 61 Åkersberga" (session 16)
    r"|vägen|gatan|gränd|stigen|backen|torget|vej|gade|veien|gata"
    r"|-(?:Straße|Strasse|Weg|Gasse|Allee|Platz|Ring|Damm|Ufer)"  # Maria-Theresien-Straße
)
# (not a workplace's seat: "Anmeldung an Behandlungsplatz 3 getestet"; session 29, blind210)
# (nor a Dutch fault's number: "KPN-storing 3-19820442"; session 32, blind270 read)
_SEAT = (
    # (nor a control room's desk: "Funkarbeitsplatz 3"; session 33, blind300 read)
    # (or any word ending in one: "Kassenarbeitsplatz 2", "Schnittplatz 2"; session 36,
    # blind359 and blind360 read)
    r"(?![\wäöüß-]*(?i:arbeits|behandlungs|park|stell|steck|sitz|mess|kassen|speicher|warte"
    r"|schnitt|regie|sende|liege)platz)"
    r"(?![\wäöüß'-]*storing\b)"
)
_STREET_DE_NL = (
    # (not an IP address's first part: "DHCP-reservering 192.168.2.60"; session 30, blind222)
    rf"\b(?:[A-ZÄÖÜ][\wäöüß'-]+\s)?{_SEAT}[A-ZÄÖÜ][\wäöüß'-]*(?:{_DE_NL_STREET_TYPES})"
    r"\s+\d{1,4}\s?[a-zA-Z]?\b(?!\.\d)"
    # the type as a word of its own: "Ettaler Straße 9", "Hattinger Str. 211" (session 12)
    r"|\b[A-ZÄÖÜ][\wäöüß'-]+\s(?:Straße|Strasse|Str\.|Weg|Allee|Gasse|Platz|Ring|Damm|Chaussee)"
    r"\s+\d{1,4}\s?[a-zA-Z]?\b(?!\.\d)"
)
_ROMANCE_STREET_WORDS = (
    r"Calle|C/|c/(?=\s)|Avda\.?|Avenida|Paseo|Plaza|Rua|Av\.|Travessa|Largo|Via|Viale|Piazza|Corso"
    r"|Rue|Avenue|Boulevard|Chemin|Allée|Impasse"
    r"|Caminho|Estrada|Calçada|Alameda|Praça|Beco|Carrer|Camino|Ronda|Strada|Vicolo"  # session 12
    r"|Odos|Odós|Leoforos|Leofóros"  # romanised Greek: "Odos Irodou Attikou 14" (session 9)
    r"|ul\.|ulica|al\.|aleja"  # Polish: "ul. Kasztanowa 14/6, 30-218 Kraków" (session 16)
)
_ROMANCE_STREET_TYPES = r"rue|avenue|av\.|boulevard|bd|chemin|allée|impasse|place|quai"
_STREET_ROMANCE = (
    # the house number is not an IP address's first part ("Via ... gevonden op 192.168...")
    rf"\b(?:{_ROMANCE_STREET_WORDS})\s+(?:[\w'’.-]+\s+){{0,4}}?(?:n[ºo°.]\s*)?\d{{1,4}}"
    r"(?:/\d{1,4}[A-Za-z]?)?\b(?![.,]\d)"  # a flat after the house: "14/6"
    rf"|\b\d{{1,4}}(?:\s?(?:bis|ter))?,?\s+(?:{_ROMANCE_STREET_TYPES})\s+(?:[\w'’-]+\s){{0,4}}[\w'’-]+"
)
# A Spanish or Portuguese floor and door said in words: ", tercero, puerta nueve", ", segundo
# esquerdo", ", bajo izquierda", ", rés-do-chão direito" (session 24)
_FLOOR_SAID = (
    r",?\s*(?:primer[oa]?|segund[oa]|tercer[oa]?|cuart[oa]|quint[oa]|sext[oa]|primeir[oa]"
    r"|terceir[oa]|quart[oa]|bajo|entresuelo|[aá]tico|r[ée]s-do-ch[ãa]o|cave)"
    r"(?:\s+(?:piso|andar|planta))?(?:,?\s*(?:izquierd[oa]|derech[oa]|esquerd[oa]|direit[oa]"
    r"|esq\.?|dto\.?|dcha\.?|izq\.?|frente|tr[aá]s|centro|puerta\s+\w+|porta\s+\w+))?"
)
# A floor and its door typed: "3.º B", "2.º esq.", "2.º esquerdo" (session 26, blind165 read)
_FLOOR_TYPED = (
    r"\d{1,2}\.?\s?[ºª°]\.?(?:\s?(?:esquerd[oa]|direit[oa]|izquierd[oa]|derech[oa]"
    r"|(?i:frente|tr[aá]s|centro)|[A-Za-z]{1,4}\.?))?"  # "1.º Frente" (session 34, blind311 read)
)
# A street named without a type, then its town and a UK postcode: "12 Mill Race, Tickhill,
# Doncaster DN11 9HU"; a German street named with its preposition, then a postcode: "Am
# Mühlbach 7, 83093 Bad Endorf" (session 7).
_UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b"
# Four digits and two letters that are not a size, a time or a letter pair PostNL leaves out.
_DUTCH_POSTCODE = r",?[ \t]+[1-9]\d{3}[ \t]?(?![KMGTP]B\b|SA|SD|SS|AM|PM)[A-Z]{2}\b[ \t]+[A-Z]"
_STREET_POSTCODED = (
    rf"\b\d{{1,5}}[A-Za-z]?,?\s+(?:[A-Z][\w'’-]+\s+){{0,2}}[A-Z][\w'’-]+"
    rf"(?:,[ \t]*[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?){{1,3}}(?=[ \t,]{{1,3}}{_UK_POSTCODE})"
    r"|\b(?:Am|Im|Zum|Zur|An\s+der|An\s+den|Auf\s+dem|Auf\s+der|In\s+der|Unter\s+den)\s+"
    r"(?:[A-ZÄÖÜ][\wäöüß'-]+\s+){1,2}\d{1,4}\s?[a-z]?(?=,\s*(?:Postleitzahl\s+|PLZ\s+)?\d{5}\s)"
    # a Dutch or Frisian street named without a type, then a Dutch postcode and the town:
    # "Buorren 7, 9104 BX Damwâld", "Lange Voorhout 12, 2514 EE Den Haag" (session 8)
    rf"|\b[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|van|de|der|den|het|'t)){{0,2}}\s+"
    rf"\d{{1,4}}(?:\s?[a-z]\b|-\d{{1,3}})?(?={_DUTCH_POSTCODE})"
    # Italian, Spanish and Portuguese write the street word in lower case: "via Padova 118,
    # 20132 Milano" (session 10); then the postcode and the town must follow
    r"|\b(?:via|viale|piazza|corso|calle|avenida|rua|paseo|travessa|caminho|estrada|camino"
    rf"|strada|{_ROMANCE_STREET_WORDS})\s+(?:[\w'’.-]+,?\s+){{0,4}}?"
    # (a Spanish or Portuguese floor and door between: "calle Alfonso 23, 3.º B, 50003
    # Zaragoza", "rua X 14, 2.º esq., 1000-001 Lisboa"; session 23; or said in words: "calle
    # Doctor Sumsi 34, tercero, puerta nueve, 46006 Valencia", "Rua de Cedofeita, 103, segundo
    # esquerdo, 4024-791 Porto"; session 24)
    rf"\d{{1,4}}[a-z]?(?=(?:,?\s*{_FLOOR_TYPED}|{_FLOOR_SAID})?"
    r",?\s*\d{4,5}(?:-\d{3})?\s+[A-Z])"
    # a house's name, then its street and a UK postcode: "Hollybush Cottage, Wenlock Road, Much
    # Wenlock TF13 6JR" (session 12); "The Old Forge, Church Street, Bampton OX18 2LW" (session 26)
    rf"|\b(?:[A-Z][\w'’-]+\s+){{1,2}}(?:Cottage|House|Farm|Farmhouse|Barn|Lodge|Villa|Croft"
    rf"|Bungalow|Manse|Grange|Forge|Mill|Rectory|Vicarage|Stables|Granary|Smithy|Schoolhouse"
    rf"|Oast|Chapel),\s+(?:[A-Z][\w'’-]+\s+){{1,3}}(?:{EN_STREET_TYPES})\b"
    rf"(?:,[ \t]*[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?){{0,2}}(?=[ \t,]{{1,3}}{_UK_POSTCODE})"
    # a Welsh or Irish house's name, then its street and a UK postcode: "Bryn Awel, Heol y Felin,
    # Llanybydder SA40 9UE" (session 33, blind289 read)
    rf"|\b[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?,[ \t]+(?:{_CELTIC_STREET_WORDS})[ \t]+"
    rf"(?:[\w'’-]+[ \t]+){{0,2}}[A-Z][\w'’-]+"
    rf"(?:,[ \t]*[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?){{0,2}}"
    rf"(?=[ \t,]{{1,3}}{_UK_POSTCODE})"
    # an Indian address, its house numbered "No." or "#", ending in a six-digit PIN code: "No. 27,
    # 4th Cross, Jayanagar 5th Block, Bengaluru 560041" (session 33, blind290 read)
    r"|(?:\bNo\.?[ \t]?|#)\d{1,4}[A-Z]?,(?:[ \t]+[\w.'’-]+){1,4},(?:[ \t]+[\w.'’-]+){1,4},"
    r"[ \t]+[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?[ \t]*[-–]?[ \t]*[1-9]\d{5}\b"
    # the house number first, English-style: "14 Rua das Flores, 8200-123 Albufeira" (session 11)
    rf"|\b\d{{1,4}},?\s+(?:{_ROMANCE_STREET_WORDS})\s+(?:[\w'’.-]+\s+){{0,4}}?[\w'’.-]+"
    r"(?=,?\s*\d{4,5}(?:-\d{3})?\s+[A-Z])"
)
_STREET = re.compile(
    rf"{_STREET_EN}|{_STREET_DE_NL}|{_STREET_ROMANCE}|{_STREET_CELTIC}|{_STREET_POSTCODED}"
)
# _STREET opens with \b, which the regex engine tries at every position of the text. Each of
# its shapes holds a piece that opens with a digit or a street word, which the engine can skip
# to: a text with none of these pieces has no address (and most notes have none).
_STREET_PIECES = (
    # "12 Acacia Avenue", "12 bis, rue de la Paix": the house number's last digit onwards
    re.compile(
        rf"\d(?:[A-Za-z]?,?\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w'’-]+\s+){{1,3}}(?:{EN_STREET_TYPES})\b"
        rf"|(?:\s?(?:bis|ter))?,?\s+(?:{_ROMANCE_STREET_TYPES})\s)"
    ),
    re.compile(rf"(?:{_DE_NL_STREET_TYPES})\s+\d"),  # "Hauptstraße 5"
    re.compile(r"\s(?:Straße|Strasse|Str\.|Weg|Allee|Gasse|Platz|Ring|Damm|Chaussee)\s+\d"),
    re.compile(rf"(?:{_ROMANCE_STREET_WORDS})\s"),  # "Calle Mayor 5"
    re.compile(rf"(?:{_CELTIC_STREET_WORDS})\s"),  # "14 Heol y Felin"
    re.compile(_UK_POSTCODE),  # "12 Mill Race, Tickhill, Doncaster DN11 9HU"
    re.compile(r"\d(?:\s?[a-z])?,\s*(?:Postleitzahl\s+|PLZ\s+)?\d{5}\s"),  # "Am Mühlbach 7, 83093"
    re.compile(r"\d,?[ \t]+[1-9]\d{3}[ \t]?[A-Z]{2}\b"),  # "Buorren 7, 9104 BX Damwâld"
    re.compile(r"\d\.?\s?[ºª°]"),  # a floor: "calle Alfonso 23, 3.º B, 50003 Zaragoza"
    re.compile(r"(?:\bNo\.?\s?|#)\d{1,4}[A-Z]?,"),  # "No. 27, 4th Cross, ..., Bengaluru 560041"
    # or one said in words: "calle Doctor Sumsi 34, tercero, puerta nueve, 46006 Valencia"
    re.compile(
        r"\d,\s*(?:primer|segund|tercer|cuart|quint|sext|primeir|terceir|bajo|entresuelo"
        r"|[aá]tico|r[ée]s-do-ch)"
    ),
)
# (an Irish county and Eircode too: "Naas, Co. Kildare W91 K2P7"; session 12)
_POSTCODE_TAIL = re.compile(
    rf"(?:[ \t,]{{1,3}}{_FLOOR_TYPED}"  # a floor: ", 3.º B"
    rf"|{_FLOOR_SAID})?"
    r"[ \t,]{1,3}(?:(?:Co\.?[ \t]+)?[A-Z][\w'’-]+[ \t,]{1,3}){0,3}"
    r"(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|\d{4}\s?[A-Z]{2}|\d{4,5}(?:-\d{3,4})?|[A-Z]{2}\s\d{5}"
    # Swedish "184 61", Polish "30-218"
    r"|[AC-FHKNPRTV-Y]\d{2}\s?[AC-FHKNPRTV-Y0-9]{4}|\d{3}[ \t]\d{2}|\d{2}-\d{3})"
    r"(?:[ \t]+[A-ZÄÖÜÅ][\wäöüßåø'’-]+){0,2}"  # the town: "83093 Bad Endorf"
)
HOME_WORDS = guarded(
    # (not a care home's or a nursing home's name: "Linnet House Care Home, 41 Station Road";
    # nor "chez" before a firm's name: "chez Optique Marchand, 14 avenue Foch"; session 24)
    r"(?i)\b(?:(?<!care\s)(?<!nursing\s)home|(?-i:house)|lives|living|residence|residential|private"
    r"|personal|his\s+place|her\s+place|wfh|remote|ship\w*\s+to\s+(?:him|her|them)|privat\w*"
    # "at his flat since he can't come in to the office ... his address is 86 ..." (session 29,
    # blind205 read)
    r"|(?:his|her|their)\s+(?:flat|apartment)|(?:his|her)\s+address"
    r"|wohn\w*|zu\s+hause|heim\w*|nach\s+hause|domicilio|casa|particular|domicile|personnel\w*"
    r"|chez(?=\s+(?:lui|elle|eux|elles|soi|moi|toi|nous|vous|[mts]a|[mts]on|[mts]es|leurs?"
    r"|notre|votre|m\.|mme|mlle|madame|monsieur|mademoiselle)\b)|thuis\w*|huisadres|vanuit\s+huis"
    r"|woon\w*|morada|residência|residenza|abitazione"
    # working from home: "(Cabinet Morel, en télétravail) au 12 rue des Tilleuls" (session 31)
    r"|t[ée]l[ée]travail\w*|teletrabaj\w*|teletrabalh\w*|telelavor\w*|home-?office"
    # an alarm's keyholder, whose home the list gives (session 33, blind303 read)
    r"|keyholders?)\b"
)
_OFFICE_WORDS = guarded(
    # (not what a site gives a newcomer: "post his site induction pack to 64 Willow Walk, ...";
    # session 33, blind292 read)
    r"(?i)\b(?:office|site(?!\s+(?:induction|inductions|pack|visit|survey|rules|safety))"
    r"|branch|hq|head\s*office|headquarters|warehouse|(?<!bin\s)store|(?<!\bim\s)shop|clinic"
    # (not "the address on the premises record is Flat 19, ..."; session 37, blind386 read)
    r"|surgery|practice|unit|suite|floor|building|premises(?!\s+record)|depot|factory|campus"
    r"|standort|büro|filiale|niederlassung|firma|oficina|sede|sucursal|almacén|bureaux?|siège"
    r"|agence|kantoor|vestiging|escrit[óo]rio|filial|ufficio|magazzino|datacenter|data\s+centre"
    # a depot or works in the other languages (session 15)
    r"|colo|dépôt|entrepôt|usine|magazijn|werkplaats|werk|fábrica|fabbrica|stabilimento|lager"
    r"|armazém"  # (session 24)
    # a studio or an agency moving: "Studio Zeewind verhuisd naar Schiekade 88" (session 28)
    r"|studio(?!\s+(?:flat|apartment))|atelier|agentur"
    # (not an agency that asks for something: "Agency also asked us to post his ... to 64 ...";
    # session 33, blind292 read)
    r"|agency(?!\s+(?:also\s+)?(?:asked|requested|wants|wanted|said|called|rang|e-?mailed))"
    # a business's public listing: "Google Business Profile still showed 14 Station Road, ..."
    # (session 31, blind256 read)
    r"|business\s+profile|google\s+maps|maps\s+listing"
    # a practice, a firm's chambers, a hotel (session 16): "au cabinet, 14 rue Mercière",
    # "Greyfriars Hotel, 2 Castle Wynd", "Fritzbox 7590 Praxis Dr. Kessler"
    r"|cabinet|praxis|kanzlei|hotel|hôtel"
    r"|care\s+home|nursing\s+home|pflegeheim|altenheim|maison\s+de\s+retraite|ehpad"
    r"|verpleeghuis|verzorgingshuis|residencia\s+de\s+mayores|lar\s+de\s+idosos|casa\s+di\s+riposo"
    # a public body's premises: "l'adresse du centre technique municipal, 12 rue des
    # Artisans" (session 17); not a school ("her son's ... school year. ... address Flat 3")
    r"|cent(?:re|er|ro)|zentrum|municipal\w*|mairie|rathaus|gemeentehuis|ayuntamiento|câmara"
    r"|municipio|comune|hospital|hôpital|ospedale|ziekenhuis|krankenhaus|pharmacy|farmácia"
    r"|farmacia|pharmacie|apotheke|apotheek"
    # a dealing room, a regional branch, a practice, IT's returns: "to the new dealing room at
    # 41 ...", "la delegación de Alicante, Av. ...", "het praktijkadres,
    # Kerkstraat ...", "kit goes back to IT, Quayside House, 18 ..." (session 27, blind181-183)
    r"|dealing\s+room|trading\s+floor|delegaci[óo]n|delega[çc][ãa]o|delegazione|praktijk\w*"
    r"|(?-i:IT)"
    # a floor or a meeting room: "de nieuwe vergaderruimte op de 1e verdieping (Keizersgracht
    # 418, Amsterdam)" (session 17)
    r"|verdieping|etage|stockwerk|obergeschoss|étage|piso|planta|andar|piano|meeting\s+room"
    r"|vergaderruimte|vergaderzaal|besprechungsraum|sala\s+de\s+reuni(?:ones|ões)"
    r"|salle\s+de\s+réunion|sala\s+riunioni"
    # a court's public address: "Landgericht Köln, Luxemburger Straße 101", "rechtbank
    # Amsterdam, Parnassusweg 280"; a building's common parts: "Condominio Via Verdi 18"
    # (session 17)
    # (not a bare "court": "2B Mulberry Court" is a home)
    r"|(?:county|crown|magistrates['’]?|high|supreme|district|family|appeal|law)\s+courts?"
    r"|tribunal|tribunale|rechtbank|gerechtshof|\w*gericht|cour|juzgado|palais\s+de\s+justice"
    r"|condominio|condomínio|copropriété"
    # a community's hall: "la box de la salle des fêtes (2 place de l'Église, ...)" (session 18)
    r"|salle\s+des\s+fêtes|salle\s+polyvalente|(?:village|church|parish|community|scout)\s+hall"
    r"|gemeindehaus|dorpshuis|buurthuis|centro\s+comunitario|sala\s+parrocchiale)\b"
)
# A site contact's job title and building just before: "Site contact: Karen Doyle, Facilities
# Manager, Fenwick Tower, 18 Quay Street, Leeds" (session 17)
_JOB_TITLE_BEFORE = re.compile(
    r"\b(?:Manager|Director|Officer|Administrator|Coordinator|Receptionist|Secretary"
    r"|Accountant|Engineer|Supervisor|Head\s+of\s+\w+)\b,?[ \t]+[A-Z][\w&' -]{1,40},[ \t]*$"
)
# A school's name, capitalised, right before: "rodapé dos e-mails da secretaria: Escola
# Secundária de Montemor, Rua da Escola 15, ..." (session 18; not "her son's school")
_SCHOOL_NAME_BEFORE = re.compile(
    r"\b(?:Escola|Escuela|Colegio|Colégio|Instituto|IES|CEIP|Lycée|Collège|École|Ecole|Schule"
    r"|Gymnasium|Grundschule|Realschule|Gesamtschule|Scuola|Liceo|Istituto|Basisschool|Lyceum"
    r"|College|Academy|School|Primary|University|Universidad|Université|Universität)\b"
    r"(?:[ \t]+[\w'’.-]+){0,5},[ \t]*$"
)
# A firm's registration or tax number just before: "ficha da Farmácia Lusitana: NIPC 507 281
# 944, morada Av. da Liberdade 212" (session 17)
_FIRM_NUMBER_BEFORE = guarded(
    r"(?i)\b(?:nipc|siret|siren|kvk|cif|p\.?\s?iva|partita\s+iva|vat(?:\s+no\.?)?|ust-?id\w*"
    r"|btw|abn|acn|cnpj|company\s+(?:no\.?|number)|companies\s+house)\W+[\w .-]{0,16}\d"
    r"[^.\n]{0,30}$"
)


_COMPANY_ADDRESS = guarded(
    r"(?i)\b(?:registered\s+office|company\s+address|business\s+address|head\s+office"
    r"|siège\s+social|adresse\s+de\s+(?:l'entreprise|la\s+société)|firmen(?:adresse|sitz)"
    r"|geschäftsadresse|bedrijfsadres|(?:morada|sede)\s+(?:da|de\s+la)\s+empresa"
    r"|dirección\s+de\s+la\s+empresa|domicilio\s+(?:social|fiscal)|sede\s+(?:legale|social)"
    r"|indirizzo\s+(?:aziendale|della\s+società)|sitz|firmensitz|geschäftssitz"
    # the head office's address: "morada da sede", "dirección de la sede", "adresse du siège"
    r"|(?:morada|endereço)\s+da\s+sede|(?:dirección|domicilio)\s+de\s+la\s+sede"
    # a firm's premises named as such: "delivery to the new office: ...", "le cabinet est au
    # 12 boulevard ...", "contactos da loja: Rua ..." (session 14)
    r"|(?:new|the|our|their)\s+office(?=\s*:)|cabinet\s+est\s+(?:au|à)|contactos?\s+d[ao]\s+loja"
    r"|shop\s+is\s+at|postadres\s+van\s+de\s+(?:stichting|vereniging|zaak)"
    r"|adresse\s+du\s+siège|indirizzo\s+della\s+sede|adres\s+van\s+het\s+hoofdkantoor"
    # an organisation's registered seat, whatever kind of body: "morada registada da
    # Associação", "statutair adres van de stichting", "Vereinssitz", "au siège" (session 8)
    r"|morada\s+(?:registada|fiscal|social)|endereço\s+(?:registado|registrado|fiscal)|sede"
    r"|direcci[óo]n\s+(?:fiscal|de\s+facturaci[óo]n)|adresse\s+de\s+facturation"  # session 12
    r"|siège|statutaire?\s+(?:adres|zetel)|zetel|registered\s+(?:office|seat)"
    r"|(?:vereins|unternehmens|gesellschafts|stiftungs|haupt|verwaltungs|kanzlei|praxis)sitz"
    # a Dutch firm's establishment or visiting address (session 9)
    r"|vestigingsadres|bezoekadres|kantooradres|hoofdvestiging"
    # a workplace's address in one German word, a shop's in French: "Büroadresse Hafenstraße
    # vier", "Praxisadresse Ludgeristraße 40", "Adresse du magasin pour le livreur ... : huit
    # place du Marché" (session 25, blind153-154 read)
    r"|(?:büro|praxis|kanzlei|filial|laden|geschäfts|klinik|apotheken|schul|lager)adresse"
    r"|adresse\s+du\s+(?:magasin|cabinet|bureau)|dirección\s+de\s+la\s+(?:tienda|oficina)"
    r"|morada\s+d[ao]\s+(?:loja|escritório)|indirizzo\s+del(?:l['’]ufficio|\s+negozio)"
    r")\b"
)
# A business named, then its address in brackets: "Bakkerij de Vries (Voorstraat 41,
# Dordrecht)", "Loja Sabores do Minho (Rua de Santa Catarina 210, Porto)" (session 16); not a
# person's with a title: "Mrs Dale (4 Elm Road)"
_PLACE_NAME_BRACKET = re.compile(
    r"(?<![\w.])(?!(?:Mr|Mrs|Ms|Miss|Dr|Herr|Frau|Mme|Mlle|Sra?|Dott|Dhr|Mevr)\b)"
    r"[A-Z][\w&'’.-]*(?:[ \t]+(?:[A-Z][\w&'’.-]*|&|de|do|da|del|di|la|le|am|an|van"
    r"|der|den|of|the)){1,5}[ \t]*\($"
)
# A firm's legal name just before: "Ferncliff Accountancy Ltd, 18 Booth Street" (session 6).
# Or on the line above, or before a dash: "Installatiebedrijf De Graaf B.V.\nIndustrieweg 31",
# "Valente & Rocha, Lda. - Av. da Boavista 1203", "Officine Marchetti Srl, Via ..." (session 16)
_LEGAL_NAME_BEFORE = re.compile(
    r"\b(?:Ltd|Limited|LLP|PLC|plc|Inc|LLC|GmbH|AG|SARL|SAS|S\.L|S\.A|B\.V|N\.V|S\.r\.l|Lda"
    r"|LTD|LIMITED|GMBH|INC|Srl|SRL|S\.p\.A|SpA|BV|NV|KG|SLU|S\.L\.U)"
    r"\.?(?:,|[ \t]+[-–])?[ \t]*\n?[ \t]*$"
)
_TIMESTAMP_BEFORE = re.compile(r"\d{1,2}:\d{2}:$")  # (the seconds are the match's number)
_CLAUSE_END = re.compile(r"[.;:()]|\s[-–—]\s")
_YEAR_AT_END = re.compile(r"\s(?:19|20)\d{2}$")
# "viewing property at 4 Quay Mews": a property on an agent's books, not someone's home
# (session 9).
_LISTING = guarded(
    r"(?i)\b(?:viewings?|listings?|propert(?:y|ies)\s+(?:at|on)|to\s+let|for\s+(?:sale|rent)"
    r"|vacant|void\s+property|show[\s-]?home|plot\s+\d{1,4}"
    # "the vacant for-sale house at 12 Acre Lane" (session 12)
    r"|(?:vacant|empty|for[\s-](?:sale|rent)|to[\s-]let)\s+(?:house|home|flat|cottage|property)"
    # an agent's floorplan or valuation of a property: "floorplan for 22 Quarry Lane" (session 11)
    r"|floor\s?plans?\s+(?:for|of)|valuation\s+(?:for|of|at)|epc\s+(?:for|of))\b"
)
# A signature written on one line: "Kind regards, Jo Lambert, Renewals, Print Partner UK, 2 Quay
# Side, Bristol BS1 4RN" is the sender's firm, not a home (session 9).
_SIGN_OFF = guarded(
    r"(?i)\b(?:(?:kind|best|warm)\s+regards|regards|many\s+thanks|met\s+vriendelijke\s+groet(?:en)?"
    r"|mit\s+freundlichen\s+grüßen|viele\s+grüße|cordialement|bien\s+à\s+vous|saludos"
    r"|un\s+saludo|atentamente|cumprimentos|atenciosamente|cordiali\s+saluti|distinti\s+saluti)\b"
)


_NEGATION = guarded(
    r"(?i)\b(?:ohne|without|no|sin|sans|zonder|sem|senza|kein\w*|geen|rather\s+than|instead\s+of"
    r"|not)\s+$"  # "courier booked to her home rather than the office: ..." (session 14)
)


def _names_company(before: str) -> bool:
    """Whether the words before name a firm's address ("Firmensitz: ..."), not its absence
    ("ohne Firmenadresse. Privat: ..."; session 9); nor one named a sentence before a home's
    ("... con la dirección de la oficina. Marta confirma su domicilio, Calle ..."; session 31)."""
    ends = [found.end() for found in _SENTENCE_GAP.finditer(before)]
    cut = ends[-1] if ends and HOME_WORDS.search(before, ends[-1]) else 0
    return any(
        not _NEGATION.search(before, 0, found.start())
        for found in _COMPANY_ADDRESS.finditer(before, cut)
    )


_SENTENCE_GAP = re.compile(r"[.!?][ \t]+")
# the office that asked for a change is not the address's owner: "At the branch's request
# corrected the delivery record to 142 Linden Grove, ...", "Auf Bitte der Filiale die
# Lieferadresse auf Goethestraße 40, ... korrigiert" (session 37, blind368 read)
_REQUESTER = re.compile(
    r"(?i)\b(?:at\s+the\s+[\w-]+['’]s\s+request|at\s+the\s+request\s+of\s+the\s+[\w-]+"
    r"|(?:auf|nach)\s+(?:Bitte|Wunsch|Anweisung)\s+der\s+\w+|op\s+verzoek\s+van\s+het?\s+\w+"
    r"|à\s+la\s+demande\s+(?:du|de\s+la|de\s+l['’])\s*\w+|a\s+petición\s+(?:del|de\s+la)\s+\w+"
    r"|a\s+pedido\s+d[ao]\s+\w+|su\s+richiesta\s+(?:del|della|dell['’])\s*\w+)"
)
# A workplace named right before the address outweighs a home named further back (session 11).
_PLACE_RIGHT_BEFORE = guarded(
    # (not the online shop a delivery address is kept in: "Lieferadresse im Shop auf ..."; s. 34)
    r"(?i)\b(?:office|branch|(?<!\bim\s)shop|store|site|depot|warehouse|premises|studio|clinic"
    r"|surgery|practice|factory|büro|kantoor|oficina|ufficio|escritório|bureau|cabinet|praxis|kanzlei"
    # "la nueva dirección de la oficina (Avda. ...", and the place's town: "op kantoor
    # Amersfoort, Stationsplein 12" (session 27, blind183 read)
    r"|hotel)(?:[ \t]+(?-i:[A-Z][\w-]+))?(?:\s+(?:at|in|on|:)?|,|\s*\()\s*"
    r"(?:unit\s+)?$"
)


# A letter's sign-off on a line of its own, in the seven languages (session 14)
_SIGN_OFF_LINE = re.compile(
    r"(?im)^[ \t>]*(?:(?:kind|best|warm|many)\s+)?(?:regards|thanks|thank\s+you|cheers"
    r"|mit\s+freundlichen\s+grüßen|viele\s+grüße|beste\s+grüße|cordialement|bien\s+à\s+vous"
    r"|saludos|atentamente|un\s+saludo|met\s+vriendelijke\s+groet|groeten|cumprimentos"
    r"|atenciosamente|cordiali\s+saluti|distinti\s+saluti)\b[^\n]{0,20}$"
)
_SIGN_OFF_REACH = 300


# A markdown table's rule under its header: "|---|---|", "| :--- | ---: |"
_TABLE_RULE = re.compile(r"[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?[ \t]*$")


_TABLE_ROWS_READ = 40


def in_markdown_table(text: str, line_start: int) -> bool:
    """Whether the line is a row under a markdown table's rule: every line between them holds
    a bar."""
    end = line_start
    for _ in range(_TABLE_ROWS_READ):
        if end == 0:
            return False
        start = text.rfind("\n", 0, end - 1) + 1
        line = text[start : end - 1]
        if "|" not in line:
            return False
        if _TABLE_RULE.match(line):
            return True
        end = start
    return False


def in_signature_block(text: str, line_start: int, table_rows: bool = True) -> bool:
    """Whether the line starting at ``line_start`` is laid out with bars under a line of
    name, role and firm: "Priya Natarajan | Lettings Manager | Lantern Row Estate Agents\nT:
    0161 496 0720 | 22 King Street, Manchester M2 4LQ" (session 12), or under a sign-off a
    few lines above ("Kind regards,\nHannah Voss | Senior Bookkeeper\nT: 01632 ... | M: ...";
    session 14). ``table_rows=False`` leaves out a markdown table's rows: an address or a bank
    account in a row is no signature ("| IBAN aggiornato | IT81 ... |" under "| dipendente |
    Davide Morandi |"; session 27, blind180 read), where a table of direct dials is a firm's
    listing."""
    line_end = text.find("\n", line_start)
    line_end = len(text) if line_end == -1 else line_end
    if "|" not in text[line_start:line_end] or (
        not table_rows and in_markdown_table(text, line_start)
    ):
        return False
    above = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    return text.count("|", above, line_start) >= 2 or bool(
        _SIGN_OFF_LINE.search(text, max(0, line_start - _SIGN_OFF_REACH), line_start)
    )


def _signature_line(text: str, line_start: int, start: int, end: int) -> bool:
    """Whether an address stands alone on its line or on one laid out with bars or dashes, as a
    pasted mail's signature sets it (session 29, blind224 read): not an address in a sentence
    ("I'm at 97 Hawthorn Avenue, Hull ... if you need to send a new one")."""
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end == -1 else line_end].strip(" \t>")
    laid_out = sum(line.count(mark) for mark in ("|", " – ", " - ", "·", "•")) >= 2
    return laid_out or len(line.rstrip(".")) - (end - start) <= 3


_CARE_HOME_NAME_BEFORE = re.compile(
    r"(?:[A-Z][\w'’-]+[ \t]+){1,3}(?:Care|Nursing|Residential)[ \t]+Home,?[ \t]*$"
)
_OWN_HOUSE_BEFORE = re.compile(
    r"(?i)\b(?:his|her|their|my)\s+(?:house|home|flat|apartment|place)\W{0,3}$"
    # someone's house in the Romance languages: "fui buscar portatil a casa do colab rua das
    # flores 112 ..., e entreguei na sede" (session 33, blind287 read)
    r"|\bcasa\s+(?:d[oa]|de|del|della|dell['’]|di)\s+(?:la\s+)?[\w.]+\W{0,3}$"
    # ("livré à son domicile, 18 rue des Tilleuls, ..., car il passe rarement au siège"; s. 33)
    r"|\b(?:son|sa|su|suo|sua|seu)\s+(?:domicile|domicilio|resid[eê]ncia)\W{0,3}$"
)


def address_hits(text: str, lowered: str) -> Iterator[Hit]:
    if not any(piece.search(text) for piece in _STREET_PIECES):
        return
    for match in _STREET.finditer(text):
        if match.start() and text[match.start() - 1] == "#":
            continue  # a ticket's number: "#58420 Quarry Lane Motors" (session 33, blind296)
        end = match.end()
        tail = _POSTCODE_TAIL.match(text, end)
        if tail:
            end = tail.end()
        elif _YEAR_AT_END.search(match.group(0)):
            continue  # "the 'Fostering 2025' folder": a name and a year, no postcode
        if placed_at_home(text, match.start(), end, match.end()):
            yield match.start(), end, "home_address"


def placed_at_home(text: str, start: int, end: int, street_end: int | None = None) -> bool:
    """Whether the words around an address place it at someone's home, not a firm's, a
    school's, a listing's or a signature's. ``street_end`` ends the street's own words, before its
    postcode and town."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 100) : start]
    if _TIMESTAMP_BEFORE.search(before):
        return False  # "00:03:14 Sophie Lane: ...": a transcript's time and speaker
    after = text[end : end + 40].split("\n")[0]
    # (not a firm named after someone's own house: "new Draytek at his house, 34 Priory
    # Walk, ..., with a VPN back to head office"; session 32, blind266 read)
    own_house = _OWN_HOUSE_BEFORE.search(before)
    if (
        _names_company(before[-60:])
        # (in the same sentence: not "... at home: 116 Mill Lane, Leeds LS17 3JU. Changed the
        # business address to the shop unit"; session 36, blind351 read)
        or (_COMPANY_ADDRESS.search(_SENTENCE_GAP.split(after)[0]) and not own_house)
        or _COMPANY_ADDRESS.match(
            text, start, street_end or end
        )  # "Bezoekadres Oudegracht 88, ..."
    ):
        return False  # "Sede: Rua ... (morada da empresa, para a fatura)"
    if (
        _LEGAL_NAME_BEFORE.search(text, max(0, start - 100), start)
        or _FIRM_NUMBER_BEFORE.search(before)
        or _JOB_TITLE_BEFORE.search(before)
        or _SCHOOL_NAME_BEFORE.search(before)
        or (_PLACE_NAME_BRACKET.search(before) and not HOME_WORDS.search(before + after))
        # a care home's name right before: "delivered to the home (Hollybank Care Home, 2
        # Orchard Rise, ...)" (session 32, blind275 read)
        or _CARE_HOME_NAME_BEFORE.search(before)
    ):
        return False  # "Ferncliff Accountancy Ltd, 18 Booth Street": the firm's own address
    # "the key safe for the show-home at Plot 12, ...": a listing's "home" is no one's
    home = HOME_WORDS.search(_LISTING.sub(" ", before)) or HOME_WORDS.search(after)
    # or the address's own word: "Privatadresse Birkenweg 14, ..." (session 27, blind178)
    home = home or HOME_WORDS.match(text, start)
    if home and _PLACE_RIGHT_BEFORE.search(before) and not HOME_WORDS.search(before[-25:]):
        return False  # "her home address be removed ...; changed start to the office at Unit 3"
    if not home and (
        in_signature_block(text, line_start, table_rows=False)
        or (_signature_line(text, line_start, start, end) and sent_from_a_firm(text, start))
    ):
        return False
    if not home and (
        _SIGN_OFF.search(before)
        or _LISTING.search(before[-60:])
        or _LISTING.search(_CLAUSE_END.split(after)[0])
    ):  # "... for 12 Acre Lane test listing" (session 12), not "- he was sent listings"
        return False  # a signature's firm, or a property an agent lets or sells
    # (the office in the same sentence: not "... at the office. Two need collection: Kerry-Ann
    # Dobbs at 58 Beechwood Grove, ..."; session 36, blind355 read)
    office = _OFFICE_WORDS.search(_REQUESTER.sub(" ", _SENTENCE_GAP.split(before[-60:])[-1]))
    office = office or _OFFICE_WORDS.search(text[start:end])
    return bool(home or not office)


# A home named, then a run of up to four capitalised parts, comma-separated, that ends in a UK
# postcode, with no street type: "home address 3 Baile na Creige, Isle of Barra, HS9 5XY",
# "at her home for setup: Mrs E. Grant, Tigh na Coille, Cannich IV4 7LX" (session 8).
_HOME_CUE = guarded(
    r"(?i)\b(?:home\s+address|(?:at|to)\s+(?:her|his|their|my|your)\s+(?:own\s+)?home"
    # "kept by the landowner at his farmhouse, High Cleugh Farm, ..." (session 35, blind339 read)
    r"|(?:at|to)\s+(?:her|his|their|my|your)\s+(?:own\s+)?(?:farm\s?house|cottage|bungalow)"
    r"|(?:lives|living|resides|residing)\s+at|(?:her|his|their)\s+home\s*:"
    # "can someone come to the house Thursday ...? I'm at The Old Forge, ..." (session 18)
    r"|(?:come|go|visit|call)\s+(?:round\s+)?to\s+(?:the|my|his|her|their)\s+house"
    r"|(?:delivered|sent|shipped|posted)\s+to\s+(?:her|his|their)\s+(?:home|house)"
    r"|private\s+address|domicile|domicilio|zu\s+hause|woonadres|thuisadres|morada"
    # "Set up home working for the ... director at The Old Granary, ..." (session 24)
    r"|home\s+working|works?(?:ing)?\s+(?:\w+\s+)?from\s+home"
    r"|home(?=[ \t]*:?[ \t]*\d)"  # "DOB 03/05/1968, home 2 Tan y Bryn, ..." (session 9)
    # "his address for the post is Fell View, Hawkshead Hill, LA22 0PW" (session 9)
    r"|(?:her|his|their)\s+(?:home\s+|postal\s+|private\s+)?address(?:\s+for\s+the\s+post)?)\b"
)
# A part: capitalised words, with the small words of Gaelic, Welsh and English names between.
_PLACE_PART = (
    r"(?:\d{1,5}[A-Za-z]?,?[ \t]+)?[A-Z][\w'’-]+"
    r"(?:[ \t]+(?:[A-Z][\w'’-]+|na|nam|nan|an|am|a'|y|yr|of|the|upon|on|le|by|in)){0,4}"
)
# (or an Irish Eircode after a county: "Ballyknock, Ballymahon, Co. Longford, N39 X7T2";
# session 29, blind210 read)
_EIRCODE_BODY = r"(?:[AC-FHKNPRTV-Y]\d{2}|D6W)[ \t][0-9AC-FHKNPRTV-Y]{4}"
_EIRCODE = re.compile(rf"\b{_EIRCODE_BODY}\b")
_UNTYPED_HOME = re.compile(
    rf"(?<![\w.])(?<!\.\s)(?:(?:{_PLACE_PART}|Co\.[ \t]+[A-Z][\w'’-]+),[ \t]*){{1,3}}"
    rf"(?:{_PLACE_PART}[ \t,]+)?"
    rf"(?P<postcode>[A-Z]{{1,2}}\d[A-Z\d]?[ \t]\d[ABD-HJLNP-UW-Z]{{2}}|{_EIRCODE_BODY})\b"
)
_CUE_REACH = 60
_OWN_DWELLING = re.compile(
    r"(?i)(?:at|to)\s+(?:her|his|their|my|your)\s+(?:own\s+)?(?:farm|cott|bung)"
)


def untyped_home_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A UK address without a street type, after words that place it at someone's home."""
    words = ("home", "liv", "resid", "domicil", "hause", "adres", "address", "house", "cottage")
    if not any(word in lowered for word in words):
        return
    if not re.search(_UK_POSTCODE, text) and not _EIRCODE.search(text):
        return
    for cue in _HOME_CUE.finditer(text):
        line_end = text.find("\n", cue.end())
        line_end = len(text) if line_end == -1 else line_end
        found = _UNTYPED_HOME.search(text, cue.end(), min(line_end, cue.end() + 160))
        if not found or found.start() - cue.end() > _CUE_REACH:
            continue
        line_start = text.rfind("\n", 0, cue.start()) + 1
        # (a possessive's own dwelling needs no words before it: "the harvesting site is kept
        # by the landowner at his farmhouse, ..."; session 35, blind339 read)
        owned = _OWN_DWELLING.match(cue.group(0))
        around = text[cue.start() if owned else max(line_start, cue.start() - 60) : found.end()]
        after = text[found.end() : found.end() + 40].split("\n")[0]
        if (
            _COMPANY_ADDRESS.search(around)
            or _COMPANY_ADDRESS.search(after)
            or _OFFICE_WORDS.search(around)
        ):
            continue  # "home address of the registered office ...": the firm's
        yield found.start(), found.end(), "home_address"
