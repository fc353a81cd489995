/**
 * The operator terminal: the shop-floor screen on which operators execute a batch step by step
 * (touch, gloves, a barcode scanner), every entry saved on the server the moment it is made.
 */
package org.openebr.ui.terminal;
