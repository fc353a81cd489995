/** The rules behind accounts: password hashing and policy, segregation of duties, settings. */
package org.openebr.identity.control;
