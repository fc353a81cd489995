/**
 * Finding materials, lots and containers, numbering them, and writing the container history and the
 * genealogy edges every material movement leaves.
 */
package org.openebr.material.control;
