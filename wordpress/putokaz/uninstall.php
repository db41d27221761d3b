<?php
/**
 * Runs when the plugin is deleted in Plugins (not when it is deactivated):
 * removes the one option it stores, on every site of a network.
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids', 'number' => 0 ) ) as $putokaz_site ) {
		switch_to_blog( $putokaz_site );
		delete_option( 'putokaz_settings' );
		restore_current_blog();
	}
} else {
	delete_option( 'putokaz_settings' );
}
