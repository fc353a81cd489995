/** How signatures are made and checked: the canonical JSON form of the content that is signed. */
package org.openebr.signature.control;
