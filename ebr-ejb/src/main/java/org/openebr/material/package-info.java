/**
 * Materials: the material master, lots and their containers, chain of custody, weigh-and-dispense
 * and the material gate batch execution calls (EU GMP Chapter 5; 21 CFR 211.80-211.94, 211.184).
 */
package org.openebr.material;
