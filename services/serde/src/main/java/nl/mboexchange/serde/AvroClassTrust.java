package nl.mboexchange.serde;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Widens the set of classes Avro may load by name.
 *
 * <p>Since 1.12.1 (AVRO-4189) Avro refuses to load a class named in a schema unless it is trusted, and a
 * {@code SpecificDatumReader} loads the generated class of every record, enum and fixed it decodes; an untrusted
 * one fails with {@code SecurityException: Forbidden <class>! This class is not trusted}. Trust is decided by one
 * JVM-wide predicate, {@link ClassSecurityValidator#getGlobal()}, which by default accepts a few {@code java.lang}
 * and {@code java.math} types plus the classes and packages listed in the system properties
 * {@code org.apache.avro.SERIALIZABLE_CLASSES} and {@code org.apache.avro.SERIALIZABLE_PACKAGES}. Those properties
 * are read once, when Avro's validator class initialises, so setting them later at run time has no effect.
 *
 * <p>This class therefore installs, once, a global predicate that accepts what the previous one accepted plus the
 * packages and classes given here. Trust only ever grows, and it is shared by the whole JVM, like Avro's own. A
 * package entry {@code a.b} trusts {@code a.b.C} and {@code a.b.c.D} but not {@code a.bc.D}. If other code later
 * replaces Avro's global predicate, the next call here wraps the new one again.
 */
public final class AvroClassTrust {

    private static final Set<String> PACKAGE_PREFIXES = ConcurrentHashMap.newKeySet();
    private static final Set<String> CLASS_NAMES = ConcurrentHashMap.newKeySet();
    private static final ClassSecurityPredicate OURS =
            type -> CLASS_NAMES.contains(type.getName()) || inTrustedPackage(type.getName());

    private static ClassSecurityPredicate installed;

    private AvroClassTrust() {}

    /**
     * Trusts every class in the given packages and their subpackages.
     *
     * @param packages package names such as {@code nl.mboexchange}; {@code *} is refused, as trusting every class
     *     would reopen what AVRO-4189 closed
     */
    public static void trustPackages(Collection<String> packages) {
        for (String name : packages) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.contains("*")) {
                throw new IllegalArgumentException("a wildcard cannot be trusted: " + trimmed);
            }
            PACKAGE_PREFIXES.add(trimmed.endsWith(".") ? trimmed : trimmed + ".");
        }
        install();
    }

    /**
     * Trusts the given classes.
     *
     * @param classNames fully qualified binary class names
     */
    public static void trustClasses(Collection<String> classNames) {
        classNames.stream().map(String::trim).filter(name -> !name.isEmpty()).forEach(CLASS_NAMES::add);
        install();
    }

    /**
     * @param type a class
     * @return whether Avro will load it, through this class or otherwise
     */
    public static boolean isTrusted(Class<?> type) {
        return ClassSecurityValidator.getGlobal().isTrusted(type);
    }

    private static boolean inTrustedPackage(String className) {
        for (String prefix : PACKAGE_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static synchronized void install() {
        ClassSecurityPredicate current = ClassSecurityValidator.getGlobal();
        if (current == installed) {
            return;
        }
        installed = ClassSecurityValidator.composite(current, OURS);
        ClassSecurityValidator.setGlobal(installed);
    }
}
