/** Orders received, outbox messages and their delivery attempts. */
package org.openebr.erp.entity;
