/**
 * The material screens: the material master, lots with goods receipt and QA disposition, and the
 * container page with its custody history, transfers and dispensing.
 */
package org.openebr.ui.material;
