package fi.avain.connectors.ptv;

import java.util.List;

/**
 * The tables generated PTV items are drawn from: real municipality codes of Statistics Finland
 * (with their Swedish and Northern Sámi names) and social and health service classes. The class
 * names are plain descriptions chosen for the simulator, not copied from PTV's code list.
 */
final class PtvReferenceData {
    record Municipality(String code, String fi, String sv, String se, String genitive, String postalCode, String street) {}

    record ServiceClass(String code, String fi, String sv, String en, String parentCode, String parentFi,
            String parentSv, String parentEn, String serviceFi, String serviceSv, String serviceEn) {}

    static final List<Municipality> MUNICIPALITIES = List.of(
            new Municipality("091", "Helsinki", "Helsingfors", null, "Helsingin", "00100", "Mannerheimintie"),
            new Municipality("049", "Espoo", "Esbo", null, "Espoon", "02100", "Tapiontori"),
            new Municipality("092", "Vantaa", "Vanda", null, "Vantaan", "01300", "Asematie"),
            new Municipality("837", "Tampere", "Tammerfors", null, "Tampereen", "33100", "Hämeenkatu"),
            new Municipality("853", "Turku", "Åbo", null, "Turun", "20100", "Aurakatu"),
            new Municipality("564", "Oulu", "Uleåborg", null, "Oulun", "90100", "Kirkkokatu"),
            new Municipality("179", "Jyväskylä", "Jyväskylä", null, "Jyväskylän", "40100", "Kauppakatu"),
            new Municipality("491", "Mikkeli", "S:t Michel", null, "Mikkelin", "50100", "Maaherrankatu"),
            new Municipality("297", "Kuopio", "Kuopio", null, "Kuopion", "70100", "Puijonkatu"),
            new Municipality("398", "Lahti", "Lahtis", null, "Lahden", "15110", "Aleksanterinkatu"),
            new Municipality("167", "Joensuu", "Joensuu", null, "Joensuun", "80100", "Siltakatu"),
            new Municipality("905", "Vaasa", "Vasa", null, "Vaasan", "65100", "Hovioikeudenpuistikko"),
            new Municipality("698", "Rovaniemi", "Rovaniemi", "Roavvenjárga", "Rovaniemen", "96100", "Koskikatu"),
            new Municipality("148", "Inari", "Enare", "Anár", "Inarin", "99800", "Sajostie"),
            new Municipality("890", "Utsjoki", "Utsjoki", "Ohcejohka", "Utsjoen", "99980", "Utsjoentie"));

    static final List<ServiceClass> SERVICE_CLASSES = List.of(
            social("P4.1", "Kotiin annettavat palvelut", "Tjänster i hemmet", "Services at home",
                    "Kotihoito", "Hemvård", "Home care"),
            social("P4.2", "Vammaisten palvelut", "Tjänster för personer med funktionsnedsättning",
                    "Services for people with disabilities", "Henkilökohtainen apu", "Personlig assistans",
                    "Personal assistance"),
            social("P4.3", "Ikääntyneiden palvelut", "Tjänster för äldre", "Services for older people",
                    "Palveluasuminen", "Serviceboende", "Sheltered housing"),
            social("P4.6", "Perheiden palvelut", "Tjänster för familjer", "Family services",
                    "Perhetyö", "Familjearbete", "Family work"),
            health("P3.1", "Perusterveydenhuolto", "Primärvård", "Primary health care",
                    "Terveysneuvonta", "Hälsorådgivning", "Health counselling"),
            health("P3.2", "Mielenterveyspalvelut", "Mentalvårdstjänster", "Mental health services",
                    "Mielenterveyskuntoutus", "Rehabilitering inom mentalvården", "Mental health rehabilitation"),
            health("P3.5", "Kuntoutus", "Rehabilitering", "Rehabilitation",
                    "Fysioterapia", "Fysioterapi", "Physiotherapy"),
            new ServiceClass("P6.10", "Aikuis- ja täydennyskoulutus", "Vuxen- och kompletteringsutbildning",
                    "Adult and continuing education", "P6", "Koulutus", "Utbildning", "Education and training",
                    "Etälukio", "Distansgymnasium", "Distance upper secondary school"));

    static final List<String> WORDS = List.of("Aurinko", "Kataja", "Koivu", "Lähde", "Majakka", "Tähti", "Virta", "Kallio");

    private PtvReferenceData() {
    }

    private static ServiceClass social(String code, String fi, String sv, String en, String sFi, String sSv, String sEn) {
        return new ServiceClass(code, fi, sv, en, "P4", "Sosiaalipalvelut", "Socialtjänster", "Social services",
                sFi, sSv, sEn);
    }

    private static ServiceClass health(String code, String fi, String sv, String en, String sFi, String sSv, String sEn) {
        return new ServiceClass(code, fi, sv, en, "P3", "Terveydenhuolto", "Hälsovård", "Health care",
                sFi, sSv, sEn);
    }
}
