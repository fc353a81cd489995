/**
 * The persistent material records: master data, lots with their QA status, containers with their
 * running balance, the append-only container events, dispensings and genealogy edges.
 */
package org.openebr.material.entity;
