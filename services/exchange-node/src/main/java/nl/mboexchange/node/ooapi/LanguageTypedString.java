package nl.mboexchange.node.ooapi;

/**
 * OOAPI's {@code LanguageTypedString}: a text and its language.
 *
 * @param language a language tag; {@code und} (undetermined) where the exchange does not know it
 * @param value the text
 */
record LanguageTypedString(String language, String value) {

    static LanguageTypedString undetermined(String value) {
        return new LanguageTypedString("und", value);
    }
}
