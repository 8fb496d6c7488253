package fi.avain.routes.reports;

import fi.avain.mappings.model.FundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the catalogue copy offers, indexed for the question the report asks of each need: how many
 * services, and from how many providers, does a municipality have in a service class, for a line that pays
 * through these funding modes. A service is available in a municipality when its service area lists it or
 * it is nationwide (the copy's {@code *}), exactly as the HSDS API's municipality filter finds it.
 */
final class ServiceSupply {
    /**
     * One service of the copy.
     *
     * @param provider its organization's id; a service without one counts as a provider of its own
     * @param classes its class keys ({@link ServiceClasses#key})
     * @param municipalities its service area; {@link #EVERYWHERE} for a nationwide one
     */
    record Offer(String provider, Set<FundingMode> modes, Set<String> classes, Set<String> municipalities) {
        Offer {
            modes = modes.isEmpty() ? EnumSet.noneOf(FundingMode.class) : EnumSet.copyOf(modes);
            classes = Set.copyOf(classes);
            municipalities = Set.copyOf(municipalities);
        }
    }

    record Count(int services, int providers) {
    }

    /** The copy's facet value of a nationwide service (CatalogueItems.EVERYWHERE). */
    static final String EVERYWHERE = "*";

    private final List<Offer> offers = new ArrayList<>();
    /** Class key → the offers of that class or a class below it. */
    private final Map<String, List<Integer>> byClass = new HashMap<>();
    private final Map<Question, Count> answers = new HashMap<>();

    private record Question(String municipality, String serviceClass, Set<FundingMode> modes) {
    }

    void add(Offer offer) {
        int index = offers.size();
        offers.add(offer);
        Set<String> keys = new LinkedHashSet<>();
        offer.classes().forEach(c -> keys.addAll(ServiceClasses.selfAndAncestors(c)));
        keys.forEach(key -> byClass.computeIfAbsent(key, k -> new ArrayList<>()).add(index));
        answers.clear();
    }

    int size() {
        return offers.size();
    }

    Count count(String municipality, String serviceClass, Set<FundingMode> modes) {
        return answers.computeIfAbsent(new Question(municipality, serviceClass, Set.copyOf(modes)), this::answer);
    }

    private Count answer(Question question) {
        int services = 0;
        Set<String> providers = new HashSet<>();
        for (int index : byClass.getOrDefault(question.serviceClass(), List.of())) {
            Offer offer = offers.get(index);
            if (available(offer, question.municipality()) && fits(offer, question.modes())) {
                services++;
                providers.add(offer.provider());
            }
        }
        return new Count(services, providers.size());
    }

    private static boolean available(Offer offer, String municipality) {
        return offer.municipalities().contains(EVERYWHERE) || offer.municipalities().contains(municipality);
    }

    private static boolean fits(Offer offer, Set<FundingMode> modes) {
        for (FundingMode mode : offer.modes()) {
            if (modes.contains(mode)) {
                return true;
            }
        }
        return false;
    }
}
