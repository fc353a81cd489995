package org.openebr.recipe.boundary;

/**
 * Master data a recipe names, asked by the recipe before a version is submitted: the material
 * master knows materials, the equipment component its classes. Implemented by the component that
 * owns the data as a CDI bean; the recipe knows none of them (they know the recipe's vocabulary,
 * so a call the other way would make a cycle).
 */
public interface RecipeMasterData {

    /** What a recipe names. */
    enum Kind {
        MATERIAL("material", "the material master (by material number or name)"),
        EQUIPMENT_CLASS("equipment class", "the equipment classes");

        private final String words;
        private final String source;

        Kind(String words, String source) {
            this.words = words;
            this.source = source;
        }

        /** "material", "equipment class". */
        public String words() {
            return words;
        }

        /** Where such names must exist, in words. */
        public String source() {
            return source;
        }
    }

    /** Which names this master data resolves. */
    Kind kind();

    /** Whether the name, as the recipe writes it, is one this master data holds. */
    boolean knows(String name);
}
