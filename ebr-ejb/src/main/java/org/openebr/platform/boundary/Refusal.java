package org.openebr.platform.boundary;

import java.io.Serializable;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Objects;

/**
 * What a {@link DomainException} refuses: a category that says what kind of "no" it is, and a
 * stable problem kind that names it. A component declares its refusals as an enum implementing
 * {@link Reason}, each constant {@link Declared} with its category and kind
 * ({@code RecipeRefused.Reason}); a one-off exception uses {@link #of}. The domain never knows
 * HTTP: the API maps the category to a status, the UI shows the message.
 */
public interface Refusal extends Serializable {

    /** What kind of "no" it is; the API answers each with one status. */
    enum Category {
        /** The request itself is incomplete or malformed: a required part is missing, a filter unusable (400). */
        MALFORMED,
        /** The request is understood, but what it asks breaks a rule: a weak password, a recipe with problems (422). */
        INVALID,
        /** The caller did not prove who they are, e.g. a wrong password at signing (401). */
        NOT_AUTHENTICATED,
        /** The caller is known, but a rule does not let them do this (403). */
        NOT_PERMITTED,
        /** The thing the request names does not exist (404). */
        NOT_FOUND,
        /** The state of the thing does not allow it now, or someone changed it meanwhile (409). */
        CONFLICT,
        /** Something the request needs is not available now: the key store, the time-stamp authority (503). */
        UNAVAILABLE
    }

    Category category();

    /** A short, stable, URL-safe name of the kind of problem, e.g. {@code user-name-taken}. */
    String kind();

    /**
     * A component's refusals as an enum, each constant {@link Declared} with its category and kind,
     * so that no component writes the fields and accessors of a refusal again.
     */
    interface Reason extends Refusal {

        /** The enum constant's name (implemented by {@link Enum}). */
        String name();

        @Override
        default Category category() {
            return declared().category();
        }

        @Override
        default String kind() {
            return declared().kind();
        }

        private Declared declared() {
            Class<?> type = ((Enum<?>) this).getDeclaringClass();
            try {
                Declared declared = type.getField(name()).getAnnotation(Declared.class);
                if (declared == null) {
                    throw new IllegalStateException(type.getName() + "." + name() + " is not @Refusal.Declared");
                }
                return declared;
            } catch (NoSuchFieldException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    /** The category and the stable problem kind of one constant of a {@link Reason} enum. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface Declared {
        Category category();

        String kind();
    }

    /** A refusal of its own, for an exception class that refuses one thing only. */
    static Refusal of(Category category, String kind) {
        return new Single(category, kind);
    }

    /** A refusal that is not one of a component's enum of reasons. */
    record Single(Category category, String kind) implements Refusal {
        public Single {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(kind, "kind");
        }
    }
}
