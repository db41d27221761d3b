<?php
/**
 * Plugin Name:       Putokaz
 * Description:       A screening for signs of trafficking and labour exploitation that runs in the visitor's own browser: nothing a person enters leaves it. Add it to a page with the [putokaz] shortcode; defaults under Settings → Putokaz.
 * Version:           0.2.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT OR Apache-2.0
 * Text Domain:       putokaz
 *
 * The version above is the only one in the code (putokaz_version() reads
 * it); the widget files in assets/ are those of the Putokaz release with
 * the same version.
 */

defined( 'ABSPATH' ) || exit;

/** The one option the plugin stores: an array of the settings below. */
const PUTOKAZ_OPTION = 'putokaz_settings';

/** The version in the plugin header, read once per request. */
function putokaz_version() {
	static $version = null;
	if ( null === $version ) {
		$data    = get_file_data( __FILE__, array( 'Version' => 'Version' ) );
		$version = $data['Version'];
	}
	return $version;
}

/** The languages the widget offers (the `langs` attribute), in its own order. */
function putokaz_languages() {
	return array(
		'en'      => __( 'English', 'putokaz' ),
		'sr-Latn' => __( 'Serbian (Latin)', 'putokaz' ),
		'sr-Cyrl' => __( 'Serbian (Cyrillic)', 'putokaz' ),
		'ru'      => __( 'Russian', 'putokaz' ),
		'uk'      => __( 'Ukrainian', 'putokaz' ),
		'tr'      => __( 'Turkish', 'putokaz' ),
		'zh-Hans' => __( 'Chinese (Simplified)', 'putokaz' ),
		'vi'      => __( 'Vietnamese', 'putokaz' ),
		'ne'      => __( 'Nepali', 'putokaz' ),
		'hi'      => __( 'Hindi', 'putokaz' ),
		'ar'      => __( 'Arabic', 'putokaz' ),
		'fa'      => __( 'Persian', 'putokaz' ),
		'sq'      => __( 'Albanian', 'putokaz' ),
		'hu'      => __( 'Hungarian', 'putokaz' ),
		'rom'     => __( 'Romani', 'putokaz' ),
	);
}

function putokaz_modes() {
	return array(
		'screening'      => __( 'Screening: the questions', 'putokaz' ),
		'job-offer'      => __( 'Job offer: the questions, and a check of a job ad or message beside them', 'putokaz' ),
		'contract-check' => __( 'Contract check: the check of a pasted text first', 'putokaz' ),
	);
}

/** Modes that need the module with the text check (putokaz-check.js). */
function putokaz_is_check_mode( $mode ) {
	return 'job-offer' === $mode || 'contract-check' === $mode;
}

function putokaz_defaults() {
	return array(
		'lang'          => 'sr-Latn',
		'langs'         => 'sr-Latn sr-Cyrl en',
		'region'        => 'RS',
		'mode'          => 'screening',
		'exit_url'      => '',
		'hotline_name'  => 'ASTRA SOS',
		// International form, so that it also works from a foreign SIM card.
		'hotline_phone' => '+381 11 785 0000',
		'config'        => '',
	);
}

/** The saved settings, with a default for anything missing. */
function putokaz_settings() {
	$saved = get_option( PUTOKAZ_OPTION, array() );
	return array_merge( putokaz_defaults(), is_array( $saved ) ? $saved : array() );
}

/**
 * The widget's own rule for an exit address: https://, or a path on this
 * site (not `//host`, no backslash, which browsers read as a slash).
 */
function putokaz_is_exit_url( $url ) {
	if ( strlen( $url ) > 2000 || preg_match( '/[\s\x00-\x1f\x7f"<>\\\\]/', $url ) ) {
		return false;
	}
	if ( 0 === strpos( $url, 'https://' ) ) {
		return 1 === preg_match( '#^https://[A-Za-z0-9.:-]+(?:[/?\#]|$)#', $url );
	}
	return '/' === substr( $url, 0, 1 ) && '//' !== substr( $url, 0, 2 );
}

/** The number for a `tel:` link: its digits, and a leading plus. */
function putokaz_tel( $phone ) {
	$digits = preg_replace( '/\D+/', '', $phone );
	return ( '+' === substr( ltrim( $phone ), 0, 1 ) ? '+' : '' ) . $digits;
}

// ---- The shortcode -------------------------------------------------------

add_shortcode( 'putokaz', 'putokaz_shortcode' );

/**
 * [putokaz lang="…" langs="…" region="…" mode="…" exit_url="…"]: the
 * element, with the fallback hotline as its children (shown whenever the
 * widget cannot start) and the partner config, if any.
 *
 * Attribute values are passed on as given, escaped: the widget checks them
 * and lists any problem in the browser console. Only the mode is checked
 * here, as it decides which module the page loads.
 */
function putokaz_shortcode( $atts ) {
	$settings = putokaz_settings();
	$atts     = shortcode_atts(
		array(
			'lang'     => $settings['lang'],
			'langs'    => $settings['langs'],
			'region'   => $settings['region'],
			'mode'     => $settings['mode'],
			'exit_url' => $settings['exit_url'],
		),
		$atts,
		'putokaz'
	);
	$mode = array_key_exists( $atts['mode'], putokaz_modes() ) ? $atts['mode'] : $settings['mode'];
	putokaz_enqueue( putokaz_is_check_mode( $mode ) );

	$html = sprintf(
		'<putokaz-screening lang="%s" langs="%s" region="%s" mode="%s"',
		esc_attr( $atts['lang'] ),
		esc_attr( $atts['langs'] ),
		esc_attr( $atts['region'] ),
		esc_attr( $mode )
	);
	if ( '' !== trim( $atts['exit_url'] ) ) {
		$html .= sprintf( ' exit-url="%s"', esc_attr( trim( $atts['exit_url'] ) ) );
	}
	return $html . '>' . putokaz_fallback( $settings ) . putokaz_config_script( $settings['config'] ) . '</putokaz-screening>';
}

/** The partner's hotline as a tap-to-call link: what shows when scripts cannot run, or anything fails. */
function putokaz_fallback( $settings ) {
	$name  = trim( $settings['hotline_name'] );
	$phone = trim( $settings['hotline_phone'] );
	if ( '' === $phone ) {
		return '' === $name ? '' : '<p>' . esc_html( $name ) . '</p>';
	}
	$link = sprintf( '<a href="%s">%s</a>', esc_url( 'tel:' . putokaz_tel( $phone ), array( 'tel' ) ), esc_html( $phone ) );
	return '<p>' . ( '' === $name ? '' : esc_html( $name ) . ': ' ) . $link . '</p>';
}

/**
 * The partner config as the element's JSON child. The saved text is decoded
 * and encoded again, never printed as it is: with every `<`, `>` and `&`
 * written as \u003C, \u003E and \u0026, no string in it can close the script
 * element or open a comment, and the widget still reads the same strings.
 */
function putokaz_config_script( $raw ) {
	if ( '' === trim( $raw ) ) {
		return '';
	}
	// As objects, not arrays: an empty object stays `{}`, not `[]`.
	$config = json_decode( $raw );
	if ( ! is_object( $config ) ) {
		return '';
	}
	$json = wp_json_encode( $config, JSON_HEX_TAG | JSON_HEX_AMP | JSON_UNESCAPED_UNICODE );
	return false === $json ? '' : '<script type="application/json">' . $json . '</script>';
}

// ---- The module script ---------------------------------------------------

function putokaz_asset_url( $file ) {
	return plugins_url( 'assets/' . $file, __FILE__ );
}

/**
 * Enqueues the widget's module, in the footer, only on pages whose content
 * has the shortcode. Registered here rather than on wp_enqueue_scripts: a
 * block theme renders the content (and so the shortcode) before that hook.
 *
 * The `?ver=` WordPress adds is harmless: the module finds the wasm module
 * and the packs with `new URL('./file', import.meta.url)`, which drops the
 * query.
 */
function putokaz_enqueue( $check ) {
	$handle = $check ? 'putokaz-check' : 'putokaz';
	wp_enqueue_script( $handle, putokaz_asset_url( $handle . '.js' ), array(), putokaz_version(), true );
}

add_action( 'wp_footer', 'putokaz_one_module', 1 );

/**
 * Both modules define the same element, so a page loads only one:
 * putokaz-check.js is the whole widget with the text check added, and runs
 * the screening as well.
 */
function putokaz_one_module() {
	if ( wp_script_is( 'putokaz-check', 'enqueued' ) && wp_script_is( 'putokaz', 'enqueued' ) ) {
		wp_dequeue_script( 'putokaz' );
	}
}

add_filter( 'script_loader_tag', 'putokaz_module_tag', 10, 2 );

/**
 * Makes the plugin's script tag a module script (WordPress 6.1 has no
 * script modules of its own). Only the tag with the handle's id is changed;
 * whatever else the tag string holds is left alone.
 */
function putokaz_module_tag( $tag, $handle ) {
	if ( 'putokaz' !== $handle && 'putokaz-check' !== $handle ) {
		return $tag;
	}
	return preg_replace_callback(
		'/<script\b([^>]*\bid=([\'"])' . preg_quote( $handle, '/' ) . '-js\2[^>]*)>/',
		function ( $match ) {
			return '<script type="module"' . preg_replace( '/\stype=([\'"])[^\'"]*\1/', '', $match[1] ) . '>';
		},
		$tag,
		1
	);
}

add_action( 'wp_head', 'putokaz_preload_hint', 2 );

/**
 * On a post or page whose content has the shortcode, a hint in the head
 * that starts the wasm download together with the script. Its `crossorigin`
 * matches the module's own request for the file, or the browser would
 * download it twice; its `integrity` is the file's, as in the embed snippet
 * of Putokaz's README (Chromium ignores it on a preload, and says so in the
 * console). Widgets placed outside the content (a widget area, a template)
 * get no hint; they work the same, a little later.
 */
function putokaz_preload_hint() {
	if ( ! is_singular() ) {
		return;
	}
	$post = get_queried_object();
	if ( ! ( $post instanceof WP_Post ) || ! has_shortcode( $post->post_content, 'putokaz' ) ) {
		return;
	}
	$file = putokaz_content_needs_check( $post->post_content ) ? 'putokaz-check_bg.wasm' : 'putokaz_bg.wasm';
	$path = plugin_dir_path( __FILE__ ) . 'assets/' . $file;
	if ( ! is_readable( $path ) ) {
		return;
	}
	printf(
		'<link rel="preload" href="%s" as="fetch" crossorigin integrity="%s">' . "\n",
		esc_url( putokaz_asset_url( $file ) ),
		esc_attr( 'sha256-' . base64_encode( hash_file( 'sha256', $path, true ) ) )
	);
}

/** Whether a [putokaz] in this content needs the text check (the module the shortcode will choose). */
function putokaz_content_needs_check( $content ) {
	$default = putokaz_settings()['mode'];
	preg_match_all( '/' . get_shortcode_regex( array( 'putokaz' ) ) . '/', $content, $matches, PREG_SET_ORDER );
	foreach ( $matches as $match ) {
		$atts = shortcode_parse_atts( $match[3] );
		$mode = is_array( $atts ) && isset( $atts['mode'] ) && array_key_exists( $atts['mode'], putokaz_modes() ) ? $atts['mode'] : $default;
		if ( putokaz_is_check_mode( $mode ) ) {
			return true;
		}
	}
	return false;
}

// ---- Settings → Putokaz --------------------------------------------------

register_activation_hook( __FILE__, 'putokaz_activate' );

/** Stores the defaults, so that the first save is sanitized once. */
function putokaz_activate() {
	add_option( PUTOKAZ_OPTION, putokaz_defaults() );
}

add_action( 'admin_menu', 'putokaz_admin_menu' );

function putokaz_admin_menu() {
	add_options_page( __( 'Putokaz', 'putokaz' ), __( 'Putokaz', 'putokaz' ), 'manage_options', 'putokaz', 'putokaz_settings_page' );
}

add_filter( 'plugin_action_links_' . plugin_basename( __FILE__ ), 'putokaz_action_links' );

function putokaz_action_links( $links ) {
	$url = admin_url( 'options-general.php?page=putokaz' );
	array_unshift( $links, sprintf( '<a href="%s">%s</a>', esc_url( $url ), esc_html__( 'Settings', 'putokaz' ) ) );
	return $links;
}

add_action( 'admin_init', 'putokaz_admin_init' );

function putokaz_admin_init() {
	register_setting(
		'putokaz',
		PUTOKAZ_OPTION,
		array(
			'type'              => 'array',
			'sanitize_callback' => 'putokaz_sanitize_settings',
			'default'           => putokaz_defaults(),
			'show_in_rest'      => false,
		)
	);

	add_settings_section( 'putokaz_widget', __( 'Defaults for [putokaz]', 'putokaz' ), 'putokaz_section_widget', 'putokaz' );
	add_settings_field( 'putokaz-lang', __( 'Language shown first', 'putokaz' ), 'putokaz_field_lang', 'putokaz', 'putokaz_widget', array( 'label_for' => 'putokaz-lang' ) );
	add_settings_field( 'putokaz-langs', __( 'Languages offered', 'putokaz' ), 'putokaz_field_langs', 'putokaz', 'putokaz_widget' );
	add_settings_field( 'putokaz-region', __( 'Region', 'putokaz' ), 'putokaz_field_region', 'putokaz', 'putokaz_widget', array( 'label_for' => 'putokaz-region' ) );
	add_settings_field( 'putokaz-mode', __( 'Mode', 'putokaz' ), 'putokaz_field_mode', 'putokaz', 'putokaz_widget', array( 'label_for' => 'putokaz-mode' ) );
	add_settings_field( 'putokaz-exit-url', __( 'Quick exit goes to', 'putokaz' ), 'putokaz_field_exit_url', 'putokaz', 'putokaz_widget', array( 'label_for' => 'putokaz-exit-url' ) );

	add_settings_section( 'putokaz_fallback', __( 'Fallback hotline', 'putokaz' ), 'putokaz_section_fallback', 'putokaz' );
	add_settings_field( 'putokaz-hotline-name', __( 'Name', 'putokaz' ), 'putokaz_field_hotline_name', 'putokaz', 'putokaz_fallback', array( 'label_for' => 'putokaz-hotline-name' ) );
	add_settings_field( 'putokaz-hotline-phone', __( 'Phone number', 'putokaz' ), 'putokaz_field_hotline_phone', 'putokaz', 'putokaz_fallback', array( 'label_for' => 'putokaz-hotline-phone' ) );

	add_settings_section( 'putokaz_partner', __( 'Partner config', 'putokaz' ), 'putokaz_section_partner', 'putokaz' );
	add_settings_field( 'putokaz-config', __( 'Config (JSON)', 'putokaz' ), 'putokaz_field_config', 'putokaz', 'putokaz_partner', array( 'label_for' => 'putokaz-config' ) );
}

/**
 * Checks every field; a field that is not valid keeps its saved value and
 * says why at the top of the page.
 */
function putokaz_sanitize_settings( $input ) {
	$saved = putokaz_settings();
	if ( ! is_array( $input ) ) {
		return $saved;
	}
	$out    = $saved;
	$reject = function ( $code, $message ) {
		add_settings_error( PUTOKAZ_OPTION, 'putokaz-' . $code, $message, 'error' );
	};
	$field  = function ( $key ) use ( $input ) {
		return isset( $input[ $key ] ) && is_string( $input[ $key ] ) ? trim( $input[ $key ] ) : '';
	};
	$languages = putokaz_languages();

	$lang = $field( 'lang' );
	if ( isset( $languages[ $lang ] ) ) {
		$out['lang'] = $lang;
	} else {
		$reject( 'lang', __( 'Choose the language shown first from the list.', 'putokaz' ) );
	}

	// Checkboxes send a list; a value already saved (WordPress sanitizes the
	// first save of an option twice) is the space-separated attribute.
	$chosen = isset( $input['langs'] ) ? $input['langs'] : array();
	$chosen = is_array( $chosen ) ? $chosen : preg_split( '/\s+/', (string) $chosen, -1, PREG_SPLIT_NO_EMPTY );
	$langs  = array_values( array_intersect( array_keys( $languages ), array_map( 'strval', $chosen ) ) );
	if ( $langs ) {
		$out['langs'] = implode( ' ', $langs );
	} else {
		$reject( 'langs', __( 'Offer at least one language.', 'putokaz' ) );
	}

	$region = strtoupper( $field( 'region' ) );
	if ( preg_match( '/^[A-Z]{2}$/', $region ) ) {
		$out['region'] = $region;
	} else {
		$reject( 'region', __( 'The region must be a two-letter ISO country code, such as RS.', 'putokaz' ) );
	}

	$mode = $field( 'mode' );
	if ( array_key_exists( $mode, putokaz_modes() ) ) {
		$out['mode'] = $mode;
	} else {
		$reject( 'mode', __( 'Choose a mode from the list.', 'putokaz' ) );
	}

	$exit_url = $field( 'exit_url' );
	if ( '' === $exit_url || putokaz_is_exit_url( $exit_url ) ) {
		$out['exit_url'] = $exit_url;
	} else {
		$reject( 'exit-url', __( 'The quick exit address must start with https:// or be a path on this site starting with /. The previous address is kept.', 'putokaz' ) );
	}

	$out['hotline_name'] = sanitize_text_field( $field( 'hotline_name' ) );
	$phone               = sanitize_text_field( $field( 'hotline_phone' ) );
	if ( preg_match( '/^\+?[0-9][0-9 ().\/-]*$/', $phone ) && strlen( preg_replace( '/\D+/', '', $phone ) ) >= 3 ) {
		$out['hotline_phone'] = $phone;
	} else {
		$reject( 'hotline-phone', __( 'The phone number may have digits, spaces, brackets, dots, slashes and hyphens, and a + in front. The previous number is kept.', 'putokaz' ) );
	}

	// Stored as written (so the form shows it as the partner wrote it) and
	// re-encoded on output; here only its shape is checked. The widget checks
	// the rest in the browser.
	$config = $field( 'config' );
	if ( '' === $config ) {
		$out['config'] = '';
	} else {
		$decoded = json_decode( $config );
		if ( JSON_ERROR_NONE !== json_last_error() ) {
			/* translators: %s: the JSON parser's message, in English */
			$reject( 'config', sprintf( __( 'The partner config is not valid JSON (%s), so the previous config is kept.', 'putokaz' ), json_last_error_msg() ) );
		} elseif ( ! is_object( $decoded ) ) {
			$reject( 'config', __( 'The partner config must be a JSON object, in braces: { … }. The previous config is kept.', 'putokaz' ) );
		} else {
			$out['config'] = $config;
		}
	}
	return $out;
}

function putokaz_section_widget() {
	echo '<p>' . esc_html__( 'Add the widget to a page with the shortcode [putokaz]. Each of these can be set for one page in the shortcode, for example [putokaz lang="sr-Latn" region="RS" mode="job-offer" exit_url="/weather/"].', 'putokaz' ) . '</p>';
	echo '<p>' . esc_html__( 'Nothing a person enters leaves their browser, and the plugin adds no tracking. Do not run analytics, chat or advertising scripts on the pages with the widget: any script on the page can read what the person types. The plugin\'s readme says which headers to send for those pages.', 'putokaz' ) . '</p>';
}

function putokaz_section_fallback() {
	echo '<p>' . esc_html__( 'Shown inside the widget\'s place on the page whenever it cannot start (scripts blocked or failing), as a tap-to-call link.', 'putokaz' ) . '</p>';
}

function putokaz_section_partner() {
	printf(
		'<p>%s <a href="%s">%s</a></p>',
		esc_html__( 'Extra or replaced referrals, modules, wording and the main hotline. Saving checks only that it is a JSON object; the full check runs in the browser: open a page with the widget, and the browser\'s console lists every problem in the config.', 'putokaz' ),
		esc_url( putokaz_asset_url( 'configure.html' ) ),
		esc_html__( 'Write or check a config with the configurator.', 'putokaz' )
	);
}

/** The name of a field in the settings form. */
function putokaz_name( $key ) {
	return PUTOKAZ_OPTION . '[' . $key . ']';
}

function putokaz_field_lang() {
	$settings = putokaz_settings();
	printf( '<select id="putokaz-lang" name="%s">', esc_attr( putokaz_name( 'lang' ) ) );
	foreach ( putokaz_languages() as $code => $name ) {
		printf( '<option value="%s"%s>%s (%s)</option>', esc_attr( $code ), selected( $settings['lang'], $code, false ), esc_html( $name ), esc_html( $code ) );
	}
	echo '</select>';
}

function putokaz_field_langs() {
	$offered = preg_split( '/\s+/', putokaz_settings()['langs'], -1, PREG_SPLIT_NO_EMPTY );
	echo '<fieldset><legend class="screen-reader-text">' . esc_html__( 'Languages offered', 'putokaz' ) . '</legend>';
	foreach ( putokaz_languages() as $code => $name ) {
		printf(
			'<label><input type="checkbox" name="%s[]" value="%s"%s> %s (%s)</label><br>',
			esc_attr( putokaz_name( 'langs' ) ),
			esc_attr( $code ),
			checked( in_array( $code, $offered, true ), true, false ),
			esc_html( $name ),
			esc_html( $code )
		);
	}
	echo '<p class="description">' . esc_html__( 'The widget\'s language switcher offers these, each in its own name.', 'putokaz' ) . '</p></fieldset>';
}

function putokaz_field_region() {
	printf(
		'<input type="text" id="putokaz-region" name="%s" value="%s" class="small-text" maxlength="2" aria-describedby="putokaz-region-description"><p class="description" id="putokaz-region-description">%s</p>',
		esc_attr( putokaz_name( 'region' ) ),
		esc_attr( putokaz_settings()['region'] ),
		esc_html__( 'The ISO code of the country whose hotlines the widget shows, such as RS.', 'putokaz' )
	);
}

function putokaz_field_mode() {
	$settings = putokaz_settings();
	printf( '<select id="putokaz-mode" name="%s">', esc_attr( putokaz_name( 'mode' ) ) );
	foreach ( putokaz_modes() as $mode => $label ) {
		printf( '<option value="%s"%s>%s</option>', esc_attr( $mode ), selected( $settings['mode'], $mode, false ), esc_html( $label ) );
	}
	echo '</select>';
}

function putokaz_field_exit_url() {
	printf(
		'<input type="text" id="putokaz-exit-url" name="%s" value="%s" class="regular-text" aria-describedby="putokaz-exit-url-description"><p class="description" id="putokaz-exit-url-description">%s</p>',
		esc_attr( putokaz_name( 'exit_url' ) ),
		esc_attr( putokaz_settings()['exit_url'] ),
		esc_html__( 'A neutral page on your own site (weather, news, contact), as a path such as /weather/ or an https:// address. Empty: https://www.wikipedia.org/.', 'putokaz' )
	);
}

function putokaz_field_hotline_name() {
	printf(
		'<input type="text" id="putokaz-hotline-name" name="%s" value="%s" class="regular-text">',
		esc_attr( putokaz_name( 'hotline_name' ) ),
		esc_attr( putokaz_settings()['hotline_name'] )
	);
}

function putokaz_field_hotline_phone() {
	printf(
		'<input type="tel" id="putokaz-hotline-phone" name="%s" value="%s" class="regular-text" aria-describedby="putokaz-hotline-phone-description"><p class="description" id="putokaz-hotline-phone-description">%s</p>',
		esc_attr( putokaz_name( 'hotline_phone' ) ),
		esc_attr( putokaz_settings()['hotline_phone'] ),
		esc_html__( 'As people should read it; with the country code (+381 …) it also works from a foreign phone.', 'putokaz' )
	);
}

function putokaz_field_config() {
	printf(
		'<textarea id="putokaz-config" name="%s" rows="14" class="large-text code" spellcheck="false">%s</textarea>',
		esc_attr( putokaz_name( 'config' ) ),
		esc_textarea( putokaz_settings()['config'] )
	);
}

function putokaz_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap"><h1>' . esc_html__( 'Putokaz', 'putokaz' ) . '</h1><form action="options.php" method="post">';
	settings_fields( 'putokaz' );
	do_settings_sections( 'putokaz' );
	submit_button();
	echo '</form></div>';
}
