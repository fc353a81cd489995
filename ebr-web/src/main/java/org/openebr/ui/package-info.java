/**
 * The PrimeFaces UI: the layout shared by every screen (site time zone, navigation per role) and
 * one sub-package of {@code *View} beans per component. Views call boundaries; no EntityManager here.
 */
package org.openebr.ui;
