/** Screens of the identity component: users and roles, training, security events, access review. */
package org.openebr.ui.identity;
